using CoupDePousse.App.Data;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Cases;

public class MigrationTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    /// <summary>Labels as the Initial schema stored them in TransitionRecords.Reason, and what each must become.</summary>
    private static readonly (CaseTrigger Trigger, string? Reason, TransitionDetail Detail)[] OldLabels =
    [
        (CaseTrigger.Propose, null, TransitionDetail.None),
        (CaseTrigger.RecordVerdict, "5:refused", TransitionDetail.Verdict(AcceptanceCriterion.PersonInvolved, false)),
        (CaseTrigger.RecordVerdict, "1:validated", TransitionDetail.Verdict(AcceptanceCriterion.FitsShortFormat, true)),
        (CaseTrigger.RecordVerdict, "7:validated", TransitionDetail.Verdict(AcceptanceCriterion.TimelyAvailability, true)),
        (CaseTrigger.SetObjectives, "revision 1", TransitionDetail.Revision(1)),
        (CaseTrigger.SetObjectives, "revision 12", TransitionDetail.Revision(12)),
        (CaseTrigger.ShareObjectives, "shared", TransitionDetail.Sharing(true)),
        (CaseTrigger.ShareObjectives, "not shared", TransitionDetail.Sharing(false)),
        (CaseTrigger.LogSession, "1 h 30", TransitionDetail.Duration(90)),
        (CaseTrigger.RequestExtension, "45 min", TransitionDetail.Duration(45)),
        (CaseTrigger.ApproveExtension, "45 min", TransitionDetail.Duration(45)),
        (CaseTrigger.RejectExtension, "2 h", TransitionDetail.Duration(120)),
        (CaseTrigger.SetBudget, "6 h", TransitionDetail.Duration(360)),
        (CaseTrigger.SetBudget, "10 h 15", TransitionDetail.Duration(615)),
        (CaseTrigger.Continue, null, TransitionDetail.None),
    ];

    [Fact]
    public async Task The_migrations_create_exactly_the_model_the_app_uses()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();

        (await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken)).Should().BeEmpty();
        (await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken)).Should().Equal(db.Database.GetMigrations());
        db.Database.HasPendingModelChanges().Should().BeFalse("every change to the model needs its migration");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Old_history_labels_become_typed_details_and_the_cancellation_reason_moves_to_the_case(DatabaseProvider provider)
    {
        var token = TestContext.Current.CancellationToken;
        await using var database = await CreateAsync(provider);
        var closed = await database.SaveAsync(Closed());
        var cancelled = await database.SaveAsync(Cancelled());
        closed.History.Should().HaveCountGreaterThanOrEqualTo(OldLabels.Length);

        await using (var db = database.CreateDbContext())
        {
            await MigrateToInitialAsync(db);
            foreach (var (record, label) in closed.History.Zip(OldLabels))
            {
                var trigger = label.Trigger.ToString();
                await db.Database.ExecuteSqlAsync($"""UPDATE "TransitionRecords" SET "Trigger" = {trigger}, "Reason" = {label.Reason} WHERE "Id" = {record.Id}""", token);
            }

            var cancel = cancelled.History.Single(h => h.Trigger == CaseTrigger.Cancel).Id;
            await db.Database.ExecuteSqlAsync($"""UPDATE "TransitionRecords" SET "Reason" = {"Réorganisation du service"} WHERE "Id" = {cancel}""", token);

            // As the app starts: migrations, then the reason they moved to the case is encrypted.
            await DatabaseStartup.MigrateAsync(db, token);
        }

        var migrated = await database.LoadAsync(closed.Id);
        migrated.History.Take(OldLabels.Length).Select(h => (h.Trigger, h.Detail)).Should().Equal(OldLabels.Select(l => (l.Trigger, l.Detail)));
        // The agreement came after the initial schema: going down to it drops the versions accepted, going up finds none.
        migrated.History.Skip(OldLabels.Length).Where(h => h.Trigger != CaseTrigger.AcceptAgreement).Select(h => h.Detail).Should()
            .Equal(closed.History.Skip(OldLabels.Length).Where(h => h.Trigger != CaseTrigger.AcceptAgreement).Select(h => h.Detail), "the other labels went down and up again unchanged");
        migrated.CancellationReason.Should().BeNull();
        var migratedCancel = await database.LoadAsync(cancelled.Id);
        migratedCancel.CancellationReason.Should().Be("Réorganisation du service");
        migratedCancel.History.Should().OnlyContain(h => h.Detail == TransitionDetail.None, "HR's words left the history");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Going_back_to_the_initial_schema_writes_the_old_labels_again(DatabaseProvider provider)
    {
        var token = TestContext.Current.CancellationToken;
        await using var database = await CreateAsync(provider);
        var coachingCase = UnderDiscussion();
        coachingCase.RuleAccept(Hr, Now).ShouldSucceed();
        coachingCase.RuleAccept(Intervener, Now).ShouldSucceed();
        coachingCase.SetBudget(Hr, 270, BudgetBounds.Default, Now).ShouldSucceed();
        coachingCase.SetObjectives(Beneficiary, Objectives, StartingScores(Objectives), Now).ShouldSucceed();
        coachingCase.ShareObjectives(Beneficiary, false, Now).ShouldSucceed();
        AcceptAgreementByAll(coachingCase);
        coachingCase.LogSession(Intervener, Today, 45, SessionMode.Phone, Now).ShouldSucceed();
        coachingCase.RequestExtension(Intervener, 120, ExtensionCategory.MoreSessionsNeeded, "Une séance de plus", Now).ShouldSucceed();
        var saved = await database.SaveAsync(coachingCase);
        var cancelled = WithIntervener();
        cancelled.Cancel(Hr, "Réorganisation du service", Now).ShouldSucceed();
        await database.SaveAsync(cancelled);

        await using var db = database.CreateDbContext();
        await MigrateToInitialAsync(db);

        async Task<string?> ReasonOf(CaseTrigger trigger, CoachingCase of)
        {
            var id = of.History.Last(h => h.Trigger == trigger).Id;
            return await db.Database.SqlQuery<string?>($"""SELECT "Reason" AS "Value" FROM "TransitionRecords" WHERE "Id" = {id}""").SingleAsync(token);
        }

        (await ReasonOf(CaseTrigger.RecordVerdict, saved)).Should().Be("5:refused");
        (await ReasonOf(CaseTrigger.SetBudget, saved)).Should().Be("4 h 30");
        (await ReasonOf(CaseTrigger.SetObjectives, saved)).Should().Be("revision 1");
        (await ReasonOf(CaseTrigger.ShareObjectives, saved)).Should().Be("not shared");
        (await ReasonOf(CaseTrigger.LogSession, saved)).Should().Be("45 min");
        (await ReasonOf(CaseTrigger.RequestExtension, saved)).Should().Be("2 h");
        (await ReasonOf(CaseTrigger.RuleAccept, saved)).Should().BeNull();
        // A schema downgrade cannot decrypt: HR's words go back to the history still encrypted with their purpose.
        var reason = await ReasonOf(CaseTrigger.Cancel, cancelled);
        reason.Should().StartWith(ConfidentialText.PayloadPrefix);
        database.DataProtection.CreateProtector(ConfidentialText.CancellationReason).Unprotect(reason!).Should().Be("Réorganisation du service");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_existing_description_stays_the_confidential_situation_and_an_existing_reason_becomes_an_hr_comment(DatabaseProvider provider)
    {
        var token = TestContext.Current.CancellationToken;
        await using var database = await CreateAsync(provider);
        var coachingCase = InSessions();
        coachingCase.RequestExtension(Intervener, 60, ExtensionCategory.MoreSessionsNeeded, null, Now).ShouldSucceed();
        var saved = await database.SaveAsync(coachingCase);
        const string oldSituation = "Ancienne description : tensions avec un collègue depuis la réorganisation.";
        const string oldReason = "Une séance de plus pour préparer l'entretien annuel.";

        await using (var db = database.CreateDbContext())
        {
            await MigrateToBeforeAsync(db, "_RequestAudiences");
            await db.Database.ExecuteSqlAsync($"""UPDATE "Cases" SET "Description" = {oldSituation} WHERE "Id" = {saved.Id}""", token);
            await db.Database.ExecuteSqlAsync($"""UPDATE "BudgetExtensions" SET "Reason" = {oldReason}""", token);
            await DatabaseStartup.MigrateAsync(db, token);
        }

        var migrated = await database.LoadAsync(saved.Id);
        migrated.Description.Should().Be(oldSituation);
        migrated.WorkImpact.Should().BeEmpty("nobody was asked for it before");
        migrated.Extensions.Should().ContainSingle().Which.Should().Match<BudgetExtension>(e => e.Category == ExtensionCategory.Other && e.Comment == oldReason);

        var forHr = ReadModelJson.Of(await database.Cases().GetAsync(Hr, saved.Id, token));
        forHr.Should().NotContain(oldSituation).And.Contain(oldReason);
        var forBeneficiary = ReadModelJson.Of(await database.Cases().GetAsync(Beneficiary, saved.Id, token));
        forBeneficiary.Should().Contain(oldSituation).And.NotContain(oldReason);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Going_back_before_the_two_audiences_writes_the_comment_or_the_category_as_the_reason(DatabaseProvider provider)
    {
        var token = TestContext.Current.CancellationToken;
        await using var database = await CreateAsync(provider);
        var commented = InSessions();
        commented.RequestExtension(Intervener, 60, ExtensionCategory.ContextChanged, "Changement d'équipe", Now).ShouldSucceed();
        var silent = InSessions();
        silent.RequestExtension(Intervener, 30, ExtensionCategory.ObjectivesWidened, null, Now).ShouldSucceed();
        await database.SaveAsync(commented);
        await database.SaveAsync(silent);

        await using var db = database.CreateDbContext();
        await MigrateToBeforeAsync(db, "_RequestAudiences");

        async Task<string> ReasonOf(CoachingCase of)
        {
            var id = of.Extensions.Single().Id;
            return await db.Database.SqlQuery<string>($"""SELECT "Reason" AS "Value" FROM "BudgetExtensions" WHERE "Id" = {id}""").SingleAsync(token);
        }

        // A schema downgrade cannot decrypt: the comment goes back as the reason still encrypted with its purpose.
        database.DataProtection.CreateProtector(ConfidentialText.ExtensionComment).Unprotect(await ReasonOf(commented)).Should().Be("Changement d'équipe");
        (await ReasonOf(silent)).Should().Be(nameof(ExtensionCategory.ObjectivesWidened));
    }

    /// <summary>Goes down to the migration just before the one whose name ends so.</summary>
    private static async Task MigrateToBeforeAsync(AppDbContext db, string migrationSuffix)
    {
        var migrations = db.Database.GetMigrations().ToList();
        var index = migrations.FindIndex(m => m.EndsWith(migrationSuffix, StringComparison.Ordinal));
        await db.GetService<IMigrator>().MigrateAsync(migrations[index - 1], TestContext.Current.CancellationToken);
    }

    private static async Task MigrateToInitialAsync(AppDbContext db)
    {
        var initial = db.Database.GetMigrations().Single(m => m.EndsWith("_Initial", StringComparison.Ordinal));
        await db.GetService<IMigrator>().MigrateAsync(initial, TestContext.Current.CancellationToken);
    }

    private static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Postgres && !TestDatabase.PostgresConfigured)
        {
            Assert.Skip($"{TestDatabase.PostgresVariable} is not set; ./scripts/test.sh starts PostgreSQL and sets it.");
        }

        return await TestDatabase.CreateAsync(provider);
    }
}
