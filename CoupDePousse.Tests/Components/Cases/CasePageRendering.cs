using Bunit;
using Bunit.Rendering;
using CoupDePousse.App.Features.Cases;
using CoupDePousse.Tests.TestSupport;

namespace CoupDePousse.Tests.Components.Cases;

/// <summary>What the case page tests do to the page: render it once loaded, unfold the criteria, read the offered actions.</summary>
internal static class CasePageRendering
{
    /// <summary>The case page inside the providers its popovers and dialogs need, once it has loaded.</summary>
    public static IRenderedComponent<ContainerFragment> RenderCase(this MudTestContext context, Guid caseId)
    {
        var cut = context.RenderWithProviders<CasePage>((nameof(CasePage.Id), caseId));
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=case-page], [data-testid=not-found]").Should().NotBeEmpty(), MudTestContext.Patience);
        return cut;
    }

    /// <summary>Opens the criteria detail when the page shows it folded (after acceptance).</summary>
    public static void ExpandCriteria(this IRenderedComponent<ContainerFragment> cut)
    {
        foreach (var expand in cut.FindAll("[data-testid=criteria-expand]"))
        {
            expand.Click();
        }
    }

    /// <summary>The action hooks the page renders, as trigger names.</summary>
    public static IReadOnlyList<string> RenderedActions(this IRenderedComponent<ContainerFragment> cut) =>
        cut.FindAll("[data-testid^='action-']").Select(e => e.GetAttribute("data-testid")!["action-".Length..]).Distinct().Order().ToList();
}
