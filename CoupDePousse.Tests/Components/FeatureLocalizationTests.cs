using System.Collections;
using System.Globalization;
using System.Resources;
using CoupDePousse.App.Features.Administration;
using CoupDePousse.App.Features.Common;
using CoupDePousse.App.Features.Pipeline;
using CoupDePousse.App.Features.Cases;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CoupDePousse.Tests.Components;

/// <summary>Each feature's own resource pair: French neutral, English satellite, the same keys in both.</summary>
public class FeatureLocalizationTests
{
    public static TheoryData<Type> Markers => new(typeof(DashboardText), typeof(ProposalText), typeof(PipelineText), typeof(AdminText));

    [Theory]
    [MemberData(nameof(Markers))]
    public void Every_french_string_has_an_english_translation(Type marker)
    {
        var resources = new ResourceManager(marker);
        HashSet<string> Keys(CultureInfo culture) => resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>().Select(entry => (string)entry.Key).ToHashSet();

        var french = Keys(CultureInfo.InvariantCulture);

        french.Should().NotBeEmpty();
        Keys(CultureInfo.GetCultureInfo("en")).Should().BeEquivalentTo(french);
    }

    [Theory]
    [InlineData("fr-FR", "Pilotage des coups de pousse", "Demander un coup de pousse pour moi")]
    [InlineData("en-US", "Coup de pousse pipeline", "Ask for a coup de pousse for myself")]
    public void Feature_strings_resolve_in_both_languages(string culture, string pipelineTitle, string askForMyself)
    {
        var services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);

            var pipeline = services.GetRequiredService<IStringLocalizer<PipelineText>>()["Title"];
            var dashboard = services.GetRequiredService<IStringLocalizer<DashboardText>>()["Beneficiary.Ask"];

            pipeline.ResourceNotFound.Should().BeFalse();
            pipeline.Value.Should().Be(pipelineTitle);
            dashboard.Value.Should().Be(askForMyself);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
