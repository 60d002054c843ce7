using Bunit;
using CoupDePousse.App.Features.Preferences;
using CoupDePousse.Domain.Notifications;
using CoupDePousse.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Components.Preferences;

public class MailPreferencesPanelTests : FeaturePageContext
{
    [Fact]
    public async Task A_beneficiary_switches_off_the_meeting_reminder_mail()
    {
        SignInAs(Beneficiary, "Bénédicte Bénéficiaire");
        var panel = RenderWithProviders<MailPreferencesPanel>();
        panel.WaitForElement("[data-testid=mail-pref-MeetingReminder]", Patience).Closest("label")!.TextContent.Should().Contain("Rappel la veille d'un rendez-vous");
        panel.FindAll("[data-testid=mail-pref-ProposalInProgress]").Should().BeEmpty("a beneficiary is not told about proposals they made");

        panel.Find("[data-testid=mail-pref-MeetingReminder]").Change(false);

        panel.WaitForAssertion(() => panel.Find("[data-testid=mail-pref-MeetingReminder]").GetAttribute("data-enabled").Should().Be("false"), Patience);
        await using var db = Database.CreateDbContext();
        var off = await db.MailPreferences.SingleAsync(Xunit.TestContext.Current.CancellationToken);
        (off.UserId, off.Kind).Should().Be((BeneficiaryId, NotificationKind.MeetingReminder));
    }

    [Fact]
    public void A_manager_sees_the_two_coarse_kinds_first_and_none_of_an_intervener_s_in_english()
    {
        UseCulture("en-US");
        SignInAs(Manager, "Marc Manager");

        var panel = RenderWithProviders<MailPreferencesPanel>();

        panel.WaitForElement("[data-testid=mail-pref-ProposalEnded]", Patience);
        panel.FindAll("[data-testid^=mail-pref-]").Select(e => e.GetAttribute("data-testid"))
            .Should().StartWith(["mail-pref-ProposalInProgress", "mail-pref-ProposalEnded"]).And.NotContain("mail-pref-SessionsToPlan");
        panel.Find("[data-testid=mail-pref-ProposalEnded]").Closest("label")!.TextContent.Should().Contain("One of my proposals has ended");
    }
}
