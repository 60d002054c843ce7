using Bunit;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Components.Cases;

/// <summary>HR's assign step names a known conflict (the relation only) and asks the reason before assigning anyway.</summary>
public class ConflictAssignStepTests : FeaturePageContext
{
    [Fact]
    public async Task Hr_sees_the_relation_and_must_give_a_reason_before_assigning_a_conflicting_intervener()
    {
        await Database.SaveAsync(WithIntervener());
        var second = await Database.SaveAsync(Proposed());
        SignInAs(Hr);
        var cut = this.RenderCase(second.Id);

        var select = cut.FindComponent<MudBlazor.MudSelect<string>>();
        await cut.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(IntervenerId));

        var alert = cut.WaitForElement("[data-testid=conflict-detected]", Patience).TextContent;
        alert.Should().Contain("dans un autre dossier en cours").And.NotContain(Situation).And.NotContain(WorkImpact);
        cut.Find("[data-testid=action-AssignIntervener]").HasAttribute("disabled").Should().BeTrue();

        cut.Find("[data-testid=field-conflict-override-reason]").Input("Seul intervenant disponible");
        cut.WaitForAssertion(() => cut.Find("[data-testid=action-AssignIntervener]").HasAttribute("disabled").Should().BeFalse(), Patience);
        cut.Find("[data-testid=action-AssignIntervener]").Click();

        for (var tries = 0; tries < 50 && (await Database.LoadAsync(second.Id)).IntervenerId is null; tries++)
        {
            await Task.Delay(100, Xunit.TestContext.Current.CancellationToken);
        }

        (await Database.LoadAsync(second.Id)).IntervenerId.Should().Be(IntervenerId);
    }
}
