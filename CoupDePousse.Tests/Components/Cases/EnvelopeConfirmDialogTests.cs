using Bunit;
using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Common;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Components.Cases;

/// <summary>HR approves an extension past the envelope: the dialog shows the amounts, acts only once ticked, and records it (decision 034).</summary>
public class EnvelopeConfirmDialogTests : FeaturePageContext
{
    [Fact]
    public async Task An_extension_past_the_envelope_is_approved_only_once_hr_ticks_the_confirmation()
    {
        UseCulture("en-US");
        var extended = InSessions(60);
        extended.RequestExtension(Intervener, 60, ExtensionCategory.MoreSessionsNeeded, null, Now).ShouldSucceed();
        await Database.SaveAsync(extended);
        SignInAs(Hr);
        (await Services.GetRequiredService<EnvelopeSettingsService>().SetAsync(Hr, 2026, null, 750m, Xunit.TestContext.Current.CancellationToken)).IsSuccess.Should().BeTrue();

        var cut = this.RenderCase(extended.Id);
        cut.WaitForElement("[data-testid=action-ApproveExtension]", Patience).Click();

        var warning = cut.WaitForElement("[data-testid=envelope-exceeded-warning]", Patience);
        warning.TextContent.Should().Contain("€840.00").And.Contain("€750.00");
        cut.Find("[data-testid=envelope-confirm]").HasAttribute("disabled").Should().BeTrue();
        cut.Find("input[data-testid=envelope-confirm-check]").Change(true);
        cut.WaitForAssertion(() => cut.Find("[data-testid=envelope-confirm]").HasAttribute("disabled").Should().BeFalse(), Patience);
        cut.Find("[data-testid=envelope-confirm]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=extension]").GetAttribute("data-status").Should().Be(nameof(ExtensionStatus.Approved)), Patience);
        await using var db = Database.CreateDbContext();
        (await db.SecurityEvents.CountAsync(e => e.Kind == SecurityEventKind.EnvelopeExceededConfirmed, Xunit.TestContext.Current.CancellationToken)).Should().Be(1);
    }

    [Fact]
    public async Task Dismissing_the_dialog_leaves_the_extension_pending()
    {
        var extended = InSessions(60);
        extended.RequestExtension(Intervener, 60, ExtensionCategory.MoreSessionsNeeded, null, Now).ShouldSucceed();
        await Database.SaveAsync(extended);
        SignInAs(Hr);
        (await Services.GetRequiredService<EnvelopeSettingsService>().SetAsync(Hr, 2026, null, 750m, Xunit.TestContext.Current.CancellationToken)).IsSuccess.Should().BeTrue();

        var cut = this.RenderCase(extended.Id);
        cut.WaitForElement("[data-testid=action-ApproveExtension]", Patience).Click();
        cut.WaitForElement("[data-testid=envelope-confirm-dismiss]", Patience).Click();

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=envelope-confirm-dialog]").Should().BeEmpty(), Patience);
        cut.Find("[data-testid=extension]").GetAttribute("data-status").Should().Be(nameof(ExtensionStatus.Pending));
        await using var db = Database.CreateDbContext();
        (await db.SecurityEvents.CountAsync(e => e.Kind == SecurityEventKind.EnvelopeExceededConfirmed, Xunit.TestContext.Current.CancellationToken)).Should().Be(0);
    }
}
