using System.Collections;
using System.Globalization;
using System.Resources;
using CoupDePousse.App.Features.Cases;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CoupDePousse.Tests.Components.Cases;

public class CaseTextTests
{
    private static readonly ResourceManager Resources = new(typeof(CaseText));

    private static HashSet<string> Keys(CultureInfo culture) =>
        Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>()
            .Select(entry => (string)entry.Key)
            .ToHashSet();

    [Fact]
    public void Every_french_case_string_has_an_english_translation()
    {
        var french = Keys(CultureInfo.InvariantCulture);

        french.Should().NotBeEmpty();
        Keys(CultureInfo.GetCultureInfo("en")).Should().BeEquivalentTo(french);
    }

    [Theory]
    [InlineData("fr-FR", "Mon coup de pousse")]
    [InlineData("en-US", "My coup de pousse")]
    public void Case_strings_resolve_in_french_and_english(string culture, string expected)
    {
        var services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        var localizer = services.GetRequiredService<IStringLocalizer<CaseText>>();
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);

            var title = localizer["Page.TitleMine"];

            title.ResourceNotFound.Should().BeFalse();
            title.Value.Should().Be(expected);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
