using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Administration;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Notifications;
using CoupDePousse.Domain.Privacy;
using CoupDePousse.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Administration;

/// <summary>The erasure of a person: no trace of their name, email or texts in any column of any table, figures unchanged.</summary>
public class PersonErasureTests
{
    private const string Name = "Bénédicte Bénéficiaire";
    private const string Email = BeneficiaryId + "@test.local";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<TestDatabase> PopulatedAsync()
    {
        var database = await TestDatabase.CreateAsync();
        for (var i = 0; i < 5; i++)
        {
            await RetentionJobTests.ClosedCaseAsync(database, $"ERASEME{i}");
        }

        await using var db = database.CreateDbContext();
        // What the audit trail held before this feature: the address and name in free text (account creation, a move).
        db.SecurityEvents.Add(new SecurityEvent(Now, SecurityEventKind.UserCreated, AdminId, BeneficiaryId, null, $"{Email.ToUpperInvariant()}; Beneficiary; Logistique"));
        db.SecurityEvents.Add(new SecurityEvent(Now, SecurityEventKind.ConflictOverridden, HrId, IntervenerId, "manager", $"Connaît {Name} de loin"));
        db.Notifications.Add(new Notification { RecipientId = BeneficiaryId, Kind = NotificationKind.CaseWaiting, CreatedAt = Now });
        db.MailPreferences.Add(new MailPreference { UserId = BeneficiaryId, Kind = NotificationKind.CaseWaiting });
        db.CalendarFeeds.Add(CalendarFeed.Issue(BeneficiaryId, Now).Feed);
        db.UserSessions.Add(new UserSession { Id = "session-1", UserId = BeneficiaryId, Ticket = [1, 2, 3], CreatedAt = Now, LastSeenAt = Now, ExpiresAt = Now.AddHours(8) });
        await db.SaveChangesAsync(Token);
        return database;
    }

    private static string[] Markers => [Name, Email, "ERASEME", Situation, WorkImpact];

    private static async Task<List<(string Table, string Column, string Value)>> TracesAsync(TestDatabase database) =>
        (await database.EveryTextAsync(Token)).Where(t => Markers.Any(m => t.Value.Contains(m, StringComparison.OrdinalIgnoreCase))).ToList();

    [Fact]
    public async Task After_an_erasure_no_column_of_any_table_holds_the_persons_name_email_or_texts()
    {
        await using var database = await PopulatedAsync();
        var before = await TracesAsync(database);
        before.Select(t => t.Table).Should().Contain(["AspNetUsers", "Cases", "SessionNotes", "JournalEntries", "SecurityEvents"], "the scan reads raw and decrypted text");
        before.Should().Contain(t => t.Column.EndsWith("(decrypted)"));
        var figures = await RetentionJobTests.FiguresAsync(database);

        var pseudonym = (await database.Retention().EraseAsync(Admin, BeneficiaryId, Token)).ShouldSucceed();

        (await TracesAsync(database)).Should().BeEmpty();
        (await RetentionJobTests.FiguresAsync(database)).Should().Be(figures, "counts, hours, cost and statistics stay");
        await using var db = database.CreateDbContext();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == BeneficiaryId, Token);
        user.DisplayName.Should().Be(pseudonym);
        user.Department.Should().Be("Logistique", "the department is a statistic of their cases");
        user.DisabledAt.Should().NotBeNull();
        user.PasswordHash.Should().BeNull();
        (await db.Notifications.AnyAsync(n => n.RecipientId == BeneficiaryId, Token)).Should().BeFalse();
        (await db.UserSessions.AnyAsync(s => s.UserId == BeneficiaryId, Token)).Should().BeFalse();
        (await db.CalendarFeeds.AnyAsync(f => f.UserId == BeneficiaryId, Token)).Should().BeFalse();
        (await db.MailPreferences.AnyAsync(p => p.UserId == BeneficiaryId, Token)).Should().BeFalse();
        (await db.Cases.CountAsync(c => c.BeneficiaryId == BeneficiaryId, Token)).Should().Be(5, "the cases stay with the pseudonymous account");
        var erased = await db.SecurityEvents.AsNoTracking().SingleAsync(e => e.Kind == SecurityEventKind.PersonErased, Token);
        (erased.ActorUserId, erased.SubjectUserId, erased.NewValue, erased.OldValue).Should().Be((AdminId, BeneficiaryId, pseudonym, null));
        (await db.SecurityEvents.AsNoTracking().SingleAsync(e => e.Kind == SecurityEventKind.ConflictOverridden, Token)).NewValue.Should().Be($"Connaît {pseudonym} de loin");
    }

    [Fact]
    public async Task An_interveners_erasure_deletes_their_notes_and_keeps_the_beneficiarys_record()
    {
        await using var database = await TestDatabase.CreateAsync();
        var coachingCase = await RetentionJobTests.ClosedCaseAsync(database, "KEEP");

        (await database.Retention().EraseAsync(Admin, IntervenerId, Token)).ShouldSucceed();

        await using var db = database.CreateDbContext();
        (await db.SessionNotes.CountAsync(Token)).Should().Be(0, "their private notes go");
        (await db.JournalEntries.CountAsync(Token)).Should().Be(1, "the beneficiary's journal is theirs, not the intervener's");
        var stored = await db.LoadCaseAsync(coachingCase.Id, Token);
        stored!.ClosingSummary.Should().Be("KEEP summary", "the summary is part of the beneficiary's record");
        stored.IntervenerId.Should().Be(IntervenerId);
        (await db.IntervenerProfiles.AnyAsync(p => p.UserId == IntervenerId, Token)).Should().BeTrue("their rate prices the hours of their cases");
    }

    [Fact]
    public async Task A_person_with_a_case_in_progress_is_not_erased_and_nothing_changes()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.SaveAsync(InSessions());
        var service = database.Retention();

        (await service.EraseAsync(Admin, BeneficiaryId, Token)).Error.Should().Be(ErasureRules.HasActiveCases);
        (await service.EraseAsync(Admin, AdminId, Token)).Error.Should().Be(ErasureRules.CannotEraseSelf);

        await using var db = database.CreateDbContext();
        (await db.Users.AsNoTracking().SingleAsync(u => u.Id == BeneficiaryId, Token)).DisplayName.Should().Be(Name);
        (await db.SecurityEvents.AnyAsync(e => e.Kind == SecurityEventKind.PersonErased, Token)).Should().BeFalse();
    }

    [Theory]
    [InlineData(Role.Beneficiary, BeneficiaryId)]
    [InlineData(Role.Manager, ManagerId)]
    [InlineData(Role.Intervener, IntervenerId)]
    [InlineData(Role.HR, HrId)]
    public async Task Every_privacy_operation_is_refused_to_every_role_but_the_admin(Role role, string userId)
    {
        await using var database = await TestDatabase.CreateAsync();
        await RetentionJobTests.ClosedCaseAsync(database, "REFUSED");
        (await database.Administration().DisableAsync(Admin, OtherBeneficiaryId, Token)).ShouldSucceed();
        var service = database.Retention();
        var actor = new Actor(userId, role);
        database.Clock.SetUtcNow(Now.AddMonths(40));

        Result[] results =
        [
            await service.GetPeriodsAsync(actor, Token),
            await service.SetPeriodsAsync(actor, 1, 12, 12, 1, 0, 0, Token),
            await service.PreviewAsync(actor, Token),
            await service.RunNowAsync(actor, Token),
            await service.ListRunsAsync(actor, Token),
            await service.FindPeopleAsync(actor, null, Token),
            await service.EraseAsync(actor, OtherBeneficiaryId, Token),
            await service.ScheduleErasureAsync(actor, OtherBeneficiaryId, Token),
        ];

        results.Should().OnlyContain(r => r.Error == App.Features.Common.AppErrors.Forbidden);
        await using var db = database.CreateDbContext();
        (await db.RetentionRuns.CountAsync(Token)).Should().Be(0);
        (await db.RetentionSettings.CountAsync(Token)).Should().Be(0);
        (await db.SessionNotes.CountAsync(Token)).Should().Be(1);
        var other = await db.Users.AsNoTracking().SingleAsync(u => u.Id == OtherBeneficiaryId, Token);
        (other.ErasedAt, other.ErasureDueAt).Should().Be((null, null));
    }

    [Fact]
    public async Task The_admin_changes_the_periods_within_bounds_and_the_change_is_audited()
    {
        await using var database = await TestDatabase.CreateAsync();
        var service = database.Retention();

        (await service.SetPeriodsAsync(Admin, 0, 36, 60, 12, 0, 6, Token)).Error!.Code.Should().Be("retention.notes_out_of_bounds");
        (await service.GetPeriodsAsync(Admin, Token)).ShouldSucceed().Should().Be(RetentionDefaults.Periods);
        (await service.SetPeriodsAsync(Admin, 3, 24, 48, 6, 7, 2, Token)).ShouldSucceed();

        (await service.GetPeriodsAsync(Admin, Token)).ShouldSucceed().Should().Be(RetentionPeriods.Create(3, 24, 48, 6, 7, 2).Value);
        await using var db = database.CreateDbContext();
        var audit = await db.SecurityEvents.AsNoTracking().SingleAsync(e => e.Kind == SecurityEventKind.RetentionChanged, Token);
        (audit.ActorUserId, audit.OldValue, audit.NewValue).Should().Be((AdminId, RetentionDefaults.Periods.Describe(), RetentionPeriods.Create(3, 24, 48, 6, 7, 2).Value.Describe()));
    }
}
