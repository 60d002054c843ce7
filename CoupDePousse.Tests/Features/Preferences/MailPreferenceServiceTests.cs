using CoupDePousse.App.Features.Common;
using CoupDePousse.App.Features.Preferences;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Notifications;
using CoupDePousse.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Preferences;

public class MailPreferenceServiceTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private MailPreferenceService Service => new(database, database.Logger<MailPreferenceService>());

    public async ValueTask InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync()
    {
        await database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Every_kind_of_the_person_s_role_is_on_until_they_switch_it_off()
    {
        var rows = (await Service.GetAsync(Beneficiary, BeneficiaryId, Token)).ShouldSucceed();

        rows.Select(r => r.Kind).Should().Equal(MailPreferenceService.KindsFor(Role.Beneficiary));
        rows.Should().OnlyContain(r => r.Enabled);
    }

    [Fact]
    public async Task A_person_switches_a_kind_off_and_on_again()
    {
        (await Service.SetAsync(Beneficiary, BeneficiaryId, NotificationKind.MeetingReminder, false, Token)).ShouldSucceed();
        (await Service.SetAsync(Beneficiary, BeneficiaryId, NotificationKind.MeetingReminder, false, Token)).ShouldSucceed();

        (await Service.GetAsync(Beneficiary, BeneficiaryId, Token)).ShouldSucceed()
            .Should().ContainSingle(r => !r.Enabled).Which.Kind.Should().Be(NotificationKind.MeetingReminder);

        (await Service.SetAsync(Beneficiary, BeneficiaryId, NotificationKind.MeetingReminder, true, Token)).ShouldSucceed();
        await using var db = database.CreateDbContext();
        (await db.MailPreferences.AnyAsync(Token)).Should().BeFalse();
    }

    [Fact]
    public async Task A_person_reads_and_sets_only_their_own_preferences()
    {
        (await Service.SetAsync(Beneficiary, BeneficiaryId, NotificationKind.CaseEnded, false, Token)).ShouldSucceed();

        (await Service.GetAsync(Actor.Beneficiary(TestDatabase.OtherBeneficiaryId), BeneficiaryId, Token)).Error.Should().Be(AppErrors.Forbidden);
        (await Service.GetAsync(Admin, BeneficiaryId, Token)).Error.Should().Be(AppErrors.Forbidden);
        (await Service.SetAsync(Hr, BeneficiaryId, NotificationKind.CaseEnded, true, Token)).Error.Should().Be(AppErrors.Forbidden);
        (await Service.GetAsync(Actor.Beneficiary(TestDatabase.OtherBeneficiaryId), TestDatabase.OtherBeneficiaryId, Token)).ShouldSucceed()
            .Should().OnlyContain(r => r.Enabled, "one person's choice changes nothing for another");
        await using var db = database.CreateDbContext();
        (await db.MailPreferences.SingleAsync(Token)).UserId.Should().Be(BeneficiaryId);
    }

    [Fact]
    public async Task A_manager_has_the_coarse_kinds_first_and_cannot_switch_an_intervener_s_kind()
    {
        // Managers and HR members are employees too: they may be helped, so they have the beneficiary's kinds after their own.
        MailPreferenceService.KindsFor(Role.Manager).Should().StartWith([NotificationKind.ProposalInProgress, NotificationKind.ProposalEnded])
            .And.Contain(NotificationKind.MeetingReminder).And.NotContain(NotificationKind.VerdictNeeded);
        MailPreferenceService.KindsFor(Role.HR).Should().StartWith(
            [NotificationKind.InterveningToAssign, NotificationKind.ConflictToDecide, NotificationKind.VerdictNeeded, NotificationKind.ExtensionToDecide, NotificationKind.CaseWaiting])
            .And.Contain(NotificationKind.ObjectivesToSet).And.OnlyHaveUniqueItems();

        (await Service.SetAsync(Manager, ManagerId, NotificationKind.SessionsToPlan, false, Token)).Error.Should().Be(MailPreferenceService.KindNotForRole);
    }

    [Fact]
    public void Each_new_kind_is_offered_to_the_role_it_tells()
    {
        MailPreferenceService.KindsFor(Role.HR).Should().Contain(NotificationKind.ConflictToDecide);
        MailPreferenceService.KindsFor(Role.Beneficiary).Should().Contain(NotificationKind.CompanyTextToApprove).And.NotContain(NotificationKind.ConflictToDecide);
        MailPreferenceService.KindsFor(Role.Intervener).Should().Contain(NotificationKind.JournalEntryShared).And.NotContain(NotificationKind.CompanyTextToApprove);
        MailPreferenceService.KindsFor(Role.Manager).Should().NotContain([NotificationKind.ConflictToDecide, NotificationKind.JournalEntryShared]);
    }

    [Fact]
    public void Every_kind_reaches_at_least_one_role()
    {
        var covered = Enum.GetValues<Role>().SelectMany(MailPreferenceService.KindsFor).ToHashSet();

        covered.Should().BeEquivalentTo(Enum.GetValues<NotificationKind>());
    }
}
