using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Cases;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Interveners;
using CoupDePousse.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Cases;

/// <summary>HR sees a known conflict when assigning, overrides it only with a reason, and the override lands in the security audit.</summary>
public class ConflictOverrideTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    private static async Task<(TestDatabase Database, Guid SecondCase)> BeneficiaryAlreadyFollowedAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var cases = database.Cases();
        var first = (await cases.ProposeAsync(Manager, BeneficiaryId, Proposal(), Token)).ShouldSucceed();
        (await cases.PerformAsync(Hr, first, null, new AssignIntervenerCommand(IntervenerId), Token)).ShouldSucceed();
        var second = (await cases.ProposeAsync(Hr, BeneficiaryId, Proposal(), Token)).ShouldSucceed();
        return (database, second);
    }

    [Fact]
    public async Task Hr_sees_which_relation_makes_a_candidate_conflicting()
    {
        var (database, second) = await BeneficiaryAlreadyFollowedAsync();
        await using var _ = database;

        var candidates = (await database.Cases().CandidatesAsync(Hr, second, Token)).ShouldSucceed();

        candidates.Single(c => c.Id == IntervenerId).Conflicts.Should().Equal(ConflictRelation.FollowsBeneficiary);
    }

    [Fact]
    public async Task A_conflicting_assignment_without_a_reason_is_refused_and_nothing_is_audited()
    {
        var (database, second) = await BeneficiaryAlreadyFollowedAsync();
        await using var _ = database;

        var result = await database.Cases().PerformAsync(Hr, second, null, new AssignIntervenerCommand(IntervenerId), Token);

        result.Error!.Code.Should().Be(CaseErrors.ConflictOverrideReasonRequired.Code);
        await using var db = database.CreateDbContext();
        (await db.SecurityEvents.AnyAsync(e => e.Kind == SecurityEventKind.ConflictOverridden, Token)).Should().BeFalse();
        (await db.Cases.SingleAsync(c => c.Id == second, Token)).IntervenerId.Should().BeNull();
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_override_with_a_reason_assigns_and_is_recorded_in_the_security_audit(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Postgres && !TestDatabase.PostgresConfigured)
        {
            Assert.Skip($"{TestDatabase.PostgresVariable} is not set; ./scripts/test.sh starts PostgreSQL and sets it.");
        }

        var (database, second) = await BeneficiaryAlreadyFollowedAsync(provider);
        await using var _ = database;

        (await database.Cases().PerformAsync(Hr, second, null, new AssignIntervenerCommand(IntervenerId, "  Seul intervenant sur ce domaine  "), Token)).ShouldSucceed();

        await using var db = database.CreateDbContext();
        var audit = await db.SecurityEvents.SingleAsync(e => e.Kind == SecurityEventKind.ConflictOverridden, Token);
        (audit.ActorUserId, audit.SubjectUserId, audit.OldValue, audit.NewValue)
            .Should().Be((HrId, IntervenerId, nameof(ConflictRelation.FollowsBeneficiary), "Seul intervenant sur ce domaine"));
        (await db.Cases.SingleAsync(c => c.Id == second, Token)).IntervenerId.Should().Be(IntervenerId);
    }

    [Fact]
    public async Task An_assignment_without_known_conflict_asks_no_reason_and_audits_nothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var first = (await database.Cases().ProposeAsync(Manager, BeneficiaryId, Proposal(), Token)).ShouldSucceed();

        (await database.Cases().PerformAsync(Hr, first, null, new AssignIntervenerCommand(IntervenerId), Token)).ShouldSucceed();

        await using var db = database.CreateDbContext();
        (await db.SecurityEvents.AnyAsync(e => e.Kind == SecurityEventKind.ConflictOverridden, Token)).Should().BeFalse();
    }
}
