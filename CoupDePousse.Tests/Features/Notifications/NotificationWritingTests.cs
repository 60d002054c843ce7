using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Cases;
using CoupDePousse.App.Features.Meetings;
using CoupDePousse.App.Security;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Meetings;
using CoupDePousse.Domain.Notifications;
using CoupDePousse.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Notifications;

/// <summary>Notifications are written in the same save as the change they tell about, through every service, and never for a refused one.</summary>
public class NotificationWritingTests
{
    private const string SecondHrId = "hr-2";
    private const string DisabledHrId = "hr-3";
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task AddHrAsync(TestDatabase database, string id, bool disabled = false)
    {
        await using var db = database.CreateDbContext();
        var role = await db.Roles.SingleAsync(r => r.Name == Roles.HR, Token);
        db.Users.Add(new ApplicationUser
        {
            Id = id,
            UserName = id + "@test.local",
            Email = id + "@test.local",
            DisplayName = id,
            DisabledAt = disabled ? Now : null,
            SecurityStamp = Guid.NewGuid().ToString(),
        });
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = id, RoleId = role.Id });
        await db.SaveChangesAsync(Token);
    }

    private static async Task<List<Notification>> RowsAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        return (await db.Notifications.AsNoTracking().ToListAsync(Token)).OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).ToList();
    }

    private static IEnumerable<NotificationKind> KindsOf(IEnumerable<Notification> rows, string userId) =>
        rows.Where(n => n.RecipientId == userId).Select(n => n.Kind);

    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_proposal_by_a_manager_tells_each_enabled_hr_member_and_the_beneficiary_and_not_the_manager(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Postgres && !TestDatabase.PostgresConfigured)
        {
            Assert.Skip($"{TestDatabase.PostgresVariable} is not set; ./scripts/test.sh starts PostgreSQL and sets it.");
        }

        await using var database = await TestDatabase.CreateAsync(provider);
        await AddHrAsync(database, SecondHrId);
        await AddHrAsync(database, DisabledHrId, disabled: true);

        var caseId = (await database.Cases().ProposeAsync(Manager, BeneficiaryId, Proposal(), Token)).ShouldSucceed();

        var rows = await RowsAsync(database);
        rows.Select(n => (n.RecipientId, n.Kind)).Should().BeEquivalentTo(
        [
            (HrId, NotificationKind.InterveningToAssign),
            (SecondHrId, NotificationKind.InterveningToAssign),
            (BeneficiaryId, NotificationKind.ProposalToAnswer),
        ]);
        rows.Should().OnlyContain(n => n.CaseId == caseId && n.MeetingId == null && n.MailStatus == MailStatus.Pending && n.ReadAt == null
            && n.CreatedAt == database.Clock.GetLocalNow());
    }

    [Fact]
    public async Task A_whole_case_tells_each_person_what_waits_on_them_and_the_manager_only_the_coarse_moves()
    {
        await using var database = await TestDatabase.CreateAsync();
        var cases = database.Cases();
        var caseId = (await cases.ProposeAsync(Manager, BeneficiaryId, Proposal(), Token)).ShouldSucceed();
        var steps = new List<(CoupDePousse.Domain.Common.Actor Actor, CaseCommand Command)>
        {
            (Hr, new AssignIntervenerCommand(IntervenerId)),
            (Beneficiary, new AgreeToMeetCommand()),
            (Intervener, new DeclareConflictCommand("Un ancien lien avec la personne.")),
            (Hr, new OverrideDeclaredConflictCommand("Lien ancien, sans effet aujourd'hui.")),
            (Intervener, new RecordInterviewCommand(Today, 60)),
            (Beneficiary, new ContinueCommand()),
        };
        steps.AddRange(AcceptanceCriteria.OwnedBy(Party.Company).Select(c => (Hr, (CaseCommand)new RecordVerdictCommand(c, true, null))));
        steps.AddRange(AcceptanceCriteria.OwnedBy(Party.Intervener).Select(c => (Intervener, (CaseCommand)new RecordVerdictCommand(c, true, null))));
        steps.AddRange(
        [
            (Intervener, new DraftObjectivesCommand(Objectives)),
            (Beneficiary, new SetObjectivesCommand(Objectives, StartingScores(Objectives))),
            (Beneficiary, new AcceptAgreementCommand()),
            (Intervener, new AcceptAgreementCommand()),
            (Hr, new AcceptAgreementCommand()),
            (Intervener, new LogSessionCommand(Today, 60, SessionMode.OnSite)),
            (Intervener, new RequestExtensionCommand(60, ExtensionCategory.MoreSessionsNeeded, null)),
            (Hr, new ApproveExtensionCommand()),
            (Intervener, new CloseCommand("Bilan partagé.")),
            (Intervener, new DraftCompanyTextCommand("Un accompagnement utile.")),
        ]);

        foreach (var (actor, command) in steps)
        {
            database.Clock.Advance(TimeSpan.FromMinutes(1));
            (await cases.PerformAsync(actor, caseId, null, command, Token)).ShouldSucceed();
        }

        var rows = await RowsAsync(database);
        KindsOf(rows, ManagerId).Should().Equal(NotificationKind.ProposalInProgress, NotificationKind.ProposalEnded);
        KindsOf(rows, BeneficiaryId).Should().Equal(
            NotificationKind.ProposalToAnswer, NotificationKind.ProposalToAnswer, NotificationKind.DecisionToMake, NotificationKind.CaseAccepted, NotificationKind.ObjectivesToSet,
            NotificationKind.AgreementToAccept, NotificationKind.ObjectivesToRate, NotificationKind.CompanyTextToApprove);
        KindsOf(rows, IntervenerId).Should().Equal(NotificationKind.IntervenerAssigned, NotificationKind.InterviewToPlan, NotificationKind.VerdictNeeded, NotificationKind.SessionsToPlan, NotificationKind.ExtensionDecided);
        KindsOf(rows, HrId).Should().Equal(NotificationKind.InterveningToAssign, NotificationKind.ConflictToDecide, NotificationKind.VerdictNeeded, NotificationKind.AgreementToAccept, NotificationKind.ExtensionToDecide);
        rows.Should().OnlyContain(n => n.CaseId == caseId);
    }

    [Fact]
    public async Task A_decline_tells_the_manager_only_that_the_proposal_ended()
    {
        await using var database = await TestDatabase.CreateAsync();
        var coachingCase = await database.SaveAsync(WithIntervener());

        (await database.Cases().PerformAsync(Beneficiary, coachingCase.Id, null, new DeclineCommand(), Token)).ShouldSucceed();

        var rows = await RowsAsync(database);
        KindsOf(rows, ManagerId).Should().Equal(NotificationKind.ProposalEnded);
        KindsOf(rows, IntervenerId).Should().Equal(NotificationKind.CaseEnded);
        KindsOf(rows, BeneficiaryId).Should().BeEmpty("nobody is told about their own act");
    }

    [Fact]
    public async Task A_picked_slot_tells_the_intervener_the_meeting_is_confirmed_and_nobody_else()
    {
        await using var database = await TestDatabase.CreateAsync();
        var coachingCase = await database.SaveAsync(InSessions());
        var meetings = database.Meetings();
        var slot = new MeetingSlot(Monday, 60);
        var meetingId = (await meetings.ProposeAsync(Intervener, coachingCase.Id, new MeetingPlan(MeetingKind.Session, [slot], SessionMode.Phone, null, null), Token)).ShouldSucceed();

        (await meetings.PickAsync(Beneficiary, meetingId, 1, slot, Token)).ShouldSucceed();

        var rows = await RowsAsync(database);
        rows.Select(n => (n.RecipientId, n.Kind)).Should().Equal(
            (BeneficiaryId, NotificationKind.MeetingProposed),
            (IntervenerId, NotificationKind.MeetingConfirmed));
        rows.Should().OnlyContain(n => n.CaseId == coachingCase.Id && n.MeetingId == meetingId);
    }

    [Fact]
    public async Task A_refused_command_or_meeting_change_writes_no_notification()
    {
        await using var database = await TestDatabase.CreateAsync();
        var coachingCase = await database.SaveAsync(InSessions());
        var meetings = database.Meetings();
        var slot = new MeetingSlot(Monday, 60);
        var meetingId = (await meetings.ProposeAsync(Intervener, coachingCase.Id, new MeetingPlan(MeetingKind.Session, [slot], SessionMode.Phone, null, null), Token)).ShouldSucceed();
        var before = (await RowsAsync(database)).Count;

        (await database.Cases().PerformAsync(Hr, coachingCase.Id, null, new CloseCommand("Bilan."), Token)).IsFailure.Should().BeTrue();
        (await database.Cases().PerformAsync(Intervener, coachingCase.Id, coachingCase.Version - 1, new CloseCommand("Bilan."), Token)).IsFailure.Should().BeTrue();
        (await database.Cases().PerformAsync(Beneficiary, coachingCase.Id, null, new DeclineCommand(), Token)).IsFailure.Should().BeTrue();
        (await meetings.PickAsync(Intervener, meetingId, 1, slot, Token)).IsFailure.Should().BeTrue();
        (await meetings.PickAsync(Beneficiary, meetingId, 1, new MeetingSlot(Monday.AddHours(1), 60), Token)).IsFailure.Should().BeTrue();

        (await RowsAsync(database)).Should().HaveCount(before);
    }
}
