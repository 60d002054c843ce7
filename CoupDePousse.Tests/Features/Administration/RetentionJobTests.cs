using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Administration;
using CoupDePousse.App.Features.Pipeline;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Notifications;
using CoupDePousse.Domain.Privacy;
using CoupDePousse.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Administration;

/// <summary>Each retention rule on a moved clock: what goes, what stays, the figures unchanged, the preview equal to the run.</summary>
public class RetentionJobTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>A case closed at <see cref="CaseBuilder.Now"/> with a private note and a journal entry, each carrying the marker.</summary>
    internal static async Task<CoachingCase> ClosedCaseAsync(TestDatabase database, string marker)
    {
        var coachingCase = InSessions();
        var note = coachingCase.WriteSessionNote(Intervener, coachingCase.Sessions[0].Id, $"{marker} note", Now).ShouldSucceed();
        var entry = JournalEntry.Write(coachingCase, Beneficiary, $"{marker} journal", Now).ShouldSucceed();
        coachingCase.Close(Intervener, $"{marker} summary", Now).ShouldSucceed();
        coachingCase.RateSatisfaction(Beneficiary, 8, $"{marker} satisfaction", Now).ShouldSucceed();
        await database.SaveAsync(coachingCase);
        await using var db = database.CreateDbContext();
        db.SessionNotes.Add(note);
        db.JournalEntries.Add(entry);
        await db.SaveChangesAsync(Token);
        return coachingCase;
    }

    internal static async Task<string> FiguresAsync(TestDatabase database)
    {
        var overview = (await database.Pipeline().GetOverviewAsync(Hr, new PipelineFilter(), new App.Data.PageRequest(), Token)).ShouldSucceed();
        var ended = (await database.Pipeline().GetOverviewAsync(Hr, new PipelineFilter(State: CaseState.Closed), new App.Data.PageRequest(), Token)).ShouldSucceed();
        overview.Statistics.Should().NotBeNull("enough cases for figures to show");
        await using var db = database.CreateDbContext();
        (await CaseCounts.FindDifferencesAsync(db, Token)).Should().BeEmpty("the kept counts follow the cases");
        (await CaseFacts.FindDifferencesAsync(db, Token)).Should().BeEmpty("the stored facts are what the aggregates derive");
        return System.Text.Json.JsonSerializer.Serialize(new { overview.MatchingCases, overview.Statistics, overview.Measures, EndedCount = ended.Statistics?.CaseCount, Hours = ended.Rows.Items.Select(r => r.UsedMinutes) });
    }

    private static async Task AddAsync<T>(TestDatabase database, T entity)
        where T : class
    {
        await using var db = database.CreateDbContext();
        db.Add(entity);
        await db.SaveChangesAsync(Token);
    }

    private static async Task<IReadOnlyDictionary<RetentionKind, int>> PreviewAsync(RetentionService service) =>
        (await service.PreviewAsync(Admin, Token)).ShouldSucceed().Counts.ToDictionary(c => c.Kind, c => c.Count);

    [Fact]
    public async Task Notes_then_cases_go_when_their_periods_pass_the_figures_stay_and_the_preview_is_what_each_run_removes()
    {
        await using var database = await TestDatabase.CreateAsync();
        for (var i = 0; i < 6; i++)
        {
            await ClosedCaseAsync(database, $"MARK{i}");
        }

        var active = await database.SaveAsync(InSessions());
        await AddAsync(database, new Notification { RecipientId = BeneficiaryId, Kind = NotificationKind.CaseWaiting, CreatedAt = Now.AddMonths(-6) });
        await AddAsync(database, new Notification { RecipientId = BeneficiaryId, Kind = NotificationKind.CaseWaiting, CreatedAt = Now });
        await AddAsync(database, new SecurityEvent(Now.AddMonths(-54), SecurityEventKind.SignInSucceeded, BeneficiaryId, BeneficiaryId));
        await AddAsync(database, new SecurityEvent(Now, SecurityEventKind.SignInSucceeded, BeneficiaryId, BeneficiaryId));
        var figures = await FiguresAsync(database);
        var service = database.Retention();

        database.Clock.SetUtcNow(Now.AddMonths(5));
        (await PreviewAsync(service)).Values.Should().OnlyContain(count => count == 0, "five months after the end, nothing is due yet");

        database.Clock.SetUtcNow(Now.AddMonths(7));
        var preview = await PreviewAsync(service);
        var run = (await service.RunNowAsync(Admin, Token)).ShouldSucceed();
        run.Outcome.Should().Be(RetentionRunOutcome.Succeeded);
        run.Counts.ToDictionary(c => c.Kind, c => c.Count).Should().Equal(preview);
        preview[RetentionKind.SessionNotes].Should().Be(6);
        preview[RetentionKind.EndedCases].Should().Be(0);
        preview[RetentionKind.Notifications].Should().Be(1);
        preview[RetentionKind.SecurityEvents].Should().Be(1);
        await using (var db = database.CreateDbContext())
        {
            (await db.SessionNotes.CountAsync(Token)).Should().Be(0);
            (await db.JournalEntries.CountAsync(Token)).Should().Be(6, "the journal goes with the case's anonymisation");
            (await db.Cases.CountAsync(c => c.AnonymisedAt != null, Token)).Should().Be(0);
            (await db.Notifications.CountAsync(Token)).Should().Be(1);
            (await db.SecurityEvents.CountAsync(Token)).Should().Be(1);
        }

        (await FiguresAsync(database)).Should().Be(figures);

        database.Clock.SetUtcNow(Now.AddMonths(37));
        preview = await PreviewAsync(service);
        run = (await service.RunNowAsync(Admin, Token)).ShouldSucceed();
        run.Counts.ToDictionary(c => c.Kind, c => c.Count).Should().Equal(preview);
        preview[RetentionKind.EndedCases].Should().Be(6);
        await using (var db = database.CreateDbContext())
        {
            var cases = await db.Cases.AsNoTracking().ToListAsync(Token);
            cases.Where(c => c.Id != active.Id).Should().OnlyContain(c => c.AnonymisedAt != null && c.BeneficiaryId == CoachingCase.AnonymousPersonId && c.Description == "" && c.SatisfactionComment == null);
            cases.Single(c => c.Id == active.Id).Should().Match<CoachingCase>(c => c.AnonymisedAt == null && c.BeneficiaryId == BeneficiaryId && c.Description == Situation);
            (await db.JournalEntries.CountAsync(Token)).Should().Be(0);
        }

        (await FiguresAsync(database)).Should().Be(figures, "an anonymised case keeps every figure");

        // Run again: nothing left to do, and it says so.
        var again = (await service.RunNowAsync(Admin, Token)).ShouldSucceed();
        again.Counts.Should().OnlyContain(c => c.Count == 0);
        (await service.ListRunsAsync(Admin, Token)).ShouldSucceed().Select(r => r.Id).Should().Equal(again.Id, run.Id, run.Id - 1);
    }

    [Fact]
    public async Task A_run_in_small_batches_takes_every_case_and_a_second_one_finds_nothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        for (var i = 0; i < 5; i++)
        {
            await ClosedCaseAsync(database, $"B{i}");
        }

        var run = await database.RetentionJob(batchSize: 2).RunOnceAsync(Now.AddMonths(37), null, Token);

        run!.EndedCases.Should().Be(5);
        run.SessionNotes.Should().Be(5);
        (await database.RetentionJob(batchSize: 2).RunOnceAsync(Now.AddMonths(37), null, Token))!.EndedCases.Should().Be(0);
    }

    [Fact]
    public async Task While_another_instance_holds_the_lease_a_run_does_nothing_and_records_nothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        await ClosedCaseAsync(database, "LEASE");
        await using (var db = database.CreateDbContext())
        {
            (await db.TryAcquireAsync(RetentionJob.LeaseName, "instance-2", TimeSpan.FromMinutes(10), Now, Token)).Should().BeTrue();
        }

        (await database.RetentionJob("instance-1").RunOnceAsync(Now.AddMonths(37), null, Token)).Should().BeNull();
        (await database.Retention().RunNowAsync(Admin, Token)).Error.Should().Be(RetentionRefusals.RunInProgress);
        await using (var db = database.CreateDbContext())
        {
            (await db.RetentionRuns.CountAsync(Token)).Should().Be(0);
            (await db.SessionNotes.CountAsync(Token)).Should().Be(1);
        }

        database.Clock.Advance(TimeSpan.FromMinutes(11));
        (await database.RetentionJob("instance-1").RunOnceAsync(Now.AddMonths(37), null, Token))!.EndedCases.Should().Be(1, "an expired lease is free again");
    }

    [Fact]
    public async Task Two_instances_started_together_never_run_at_the_same_time()
    {
        await using var database = await TestDatabase.CreateAsync();
        for (var i = 0; i < 4; i++)
        {
            await ClosedCaseAsync(database, $"TWO{i}");
        }

        var runs = await Task.WhenAll(
            Task.Run(() => database.RetentionJob("instance-1").RunOnceAsync(Now.AddMonths(37), null, Token), Token),
            Task.Run(() => database.RetentionJob("instance-2").RunOnceAsync(Now.AddMonths(37), null, Token), Token));

        // Either the second found the lease taken, or it came after the first and found nothing left: never both at work.
        runs.Where(r => r is not null).Sum(r => r!.EndedCases).Should().Be(4);
        runs.Where(r => r is not null).Should().OnlyContain(r => r!.Outcome == RetentionRunOutcome.Succeeded);
    }

    [Fact]
    public async Task An_unused_invitation_is_deleted_once_expired_and_the_audit_trail_forgets_its_address()
    {
        await using var database = await TestDatabase.CreateAsync();
        var link = (await database.Administration().CreateUserAsync(Admin, new NewUser("nina.nouvelle@test.local", "Nina Nouvelle", App.Security.Roles.Beneficiary, "Ventes"), Token)).ShouldSucceed();

        (await database.RetentionJob().RunOnceAsync(Now.AddHours(71), null, Token))!.Invitations.Should().Be(0, "the link is still valid");
        (await database.RetentionJob().RunOnceAsync(Now.AddHours(73), null, Token))!.Invitations.Should().Be(1);

        await using var db = database.CreateDbContext();
        (await db.Users.AnyAsync(u => u.Id == link.UserId, Token)).Should().BeFalse();
        (await db.Users.CountAsync(Token)).Should().Be(8, "the seeded people were never invited: they stay");
        var values = await db.SecurityEvents.Select(e => (e.OldValue ?? "") + (e.NewValue ?? "")).ToListAsync(Token);
        values.Should().NotContain(v => v.Contains("nina", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_leavers_scheduled_erasure_waits_for_its_delay_and_re_enabling_the_account_calls_it_off()
    {
        await using var database = await TestDatabase.CreateAsync();
        var service = database.Retention();
        (await service.ScheduleErasureAsync(Admin, OtherBeneficiaryId, Token)).Error.Should().Be(ErasureRules.MustBeDisabled);
        (await database.Administration().DisableAsync(Admin, OtherBeneficiaryId, Token)).ShouldSucceed();
        var due = (await service.ScheduleErasureAsync(Admin, OtherBeneficiaryId, Token)).ShouldSucceed();
        due.Should().Be(Now.AddMonths(RetentionDefaults.LeaverErasureMonths));

        (await database.RetentionJob().RunOnceAsync(due.AddDays(-1), null, Token))!.ScheduledErasures.Should().Be(0);
        var erasing = await database.RetentionJob().RunOnceAsync(due, null, Token);
        erasing!.Failure.Should().BeNull();
        erasing.ScheduledErasures.Should().Be(1);

        await using var db = database.CreateDbContext();
        var erased = await db.Users.AsNoTracking().SingleAsync(u => u.Id == OtherBeneficiaryId, Token);
        erased.DisplayName.Should().StartWith("Personne effacée");
        erased.ErasedAt.Should().NotBeNull();
        (await db.SecurityEvents.AnyAsync(e => e.Kind == SecurityEventKind.PersonErased && e.SubjectUserId == OtherBeneficiaryId && e.ActorUserId == null, Token)).Should().BeTrue();

        (await database.Administration().DisableAsync(Admin, ManagerId, Token)).ShouldSucceed();
        (await service.ScheduleErasureAsync(Admin, ManagerId, Token)).ShouldSucceed();
        (await database.Administration().EnableAsync(Admin, ManagerId, Token)).ShouldSucceed();
        (await db.Users.AsNoTracking().SingleAsync(u => u.Id == ManagerId, Token)).ErasureDueAt.Should().BeNull();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Old_audit_rows_are_removed_and_the_trail_is_append_only_again_afterwards(DatabaseProvider provider)
    {
        Assert.SkipWhen(provider == DatabaseProvider.Postgres && !TestDatabase.PostgresConfigured, "PostgreSQL runs under ./scripts/test.sh");
        await using var database = await TestDatabase.CreateAsync(provider);
        await AddAsync(database, new SecurityEvent(Now.AddMonths(-61), SecurityEventKind.SignInSucceeded, BeneficiaryId, BeneficiaryId));
        await AddAsync(database, new SecurityEvent(Now.AddMonths(-59), SecurityEventKind.SignInSucceeded, BeneficiaryId, BeneficiaryId));

        (await database.RetentionJob().RunOnceAsync(Now, null, Token))!.SecurityEvents.Should().Be(1);

        await using var db = database.CreateDbContext();
        (await db.SecurityEvents.CountAsync(Token)).Should().Be(1);
        var delete = () => db.Database.ExecuteSqlRawAsync("DELETE FROM \"SecurityEvents\"", Token);
        await delete.Should().ThrowAsync<Exception>("the guard is back once the run committed");
        var update = () => db.Database.ExecuteSqlRawAsync("UPDATE \"SecurityEvents\" SET \"NewValue\" = 'x'", Token);
        await update.Should().ThrowAsync<Exception>();
    }
}
