using System.Collections;
using System.Globalization;
using System.Resources;
using CoupDePousse.App.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CoupDePousse.Tests.Components;

public class LocalizationTests
{
    private static readonly ResourceManager Resources = new(typeof(SharedResource));

    private static HashSet<string> Keys(CultureInfo culture, bool tryParents) =>
        Resources.GetResourceSet(culture, createIfNotExists: true, tryParents)!
            .Cast<DictionaryEntry>()
            .Select(entry => (string)entry.Key)
            .ToHashSet();

    [Fact]
    public void Every_french_string_has_an_english_translation()
    {
        var french = Keys(CultureInfo.InvariantCulture, tryParents: false);
        var english = Keys(CultureInfo.GetCultureInfo("en"), tryParents: false);

        french.Should().NotBeEmpty();
        english.Should().BeEquivalentTo(french);
    }

    [Theory]
    [InlineData("fr-FR", "Tableau de bord")]
    [InlineData("en-US", "Dashboard")]
    public void French_is_the_neutral_language_and_english_the_translation(string culture, string expected)
    {
        var services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        var localizer = services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);

            var title = localizer["Home.Title"];

            title.ResourceNotFound.Should().BeFalse();
            title.Value.Should().Be(expected);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
