using CoupDePousse.App.Data;
using CoupDePousse.App.Data.Generation;
using CoupDePousse.App.Security;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;
using CoupDePousse.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.Tests.Data.Generation;

public class PopulationGeneratorTests(GeneratedPopulation population) : IClassFixture<GeneratedPopulation>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Generated_cases_reach_every_state_and_every_outcome()
    {
        await using var db = population.Database.CreateDbContext();

        var counts = await GenerationReport.CountAsync(db, Cancellation);

        counts.Cases.Should().Be(GeneratedPopulation.Cases);
        counts.CasesByState.Keys.Should().BeEquivalentTo(Enum.GetValues<CaseState>());
        counts.CasesByOutcome.Keys.Should().BeEquivalentTo(Enum.GetValues<CaseOutcome>());
        counts.ExtensionsByStatus.Keys.Should().BeEquivalentTo(Enum.GetValues<ExtensionStatus>());
        counts.CasesByState.Where(s => s.Key.IsEnded()).Sum(s => s.Value).Should().BeGreaterThan(counts.Cases / 2, "most generated cases are old and have ended");
        counts.SessionNotes.Should().BePositive();
    }

    [Fact]
    public void Generated_cases_go_through_the_fast_rows_on_sqlite()
    {
        population.UsedModelRows.Should().Be(population.Database.Provider == DatabaseProvider.Sqlite);
        population.Result.Cases.Should().Be(GeneratedPopulation.Cases);
    }

    [Fact]
    public async Task Hrs_kept_counts_are_the_generated_cases_counted()
    {
        await using var db = population.Database.CreateDbContext();

        (await CaseCounts.FindDifferencesAsync(db, Cancellation)).Should().BeEmpty();
        (await db.CaseCounts.SumAsync(c => c.Cases, Cancellation)).Should().Be(await db.Cases.CountAsync(Cancellation));
    }

    [Fact]
    public async Task Stored_facts_are_what_each_aggregate_derives()
    {
        await using var db = population.Database.CreateDbContext();

        var differences = await CaseFacts.FindDifferencesAsync(db, Cancellation);
        var cases = await db.Cases.AsNoTracking().WholeAggregates().ToListAsync(Cancellation);

        differences.Should().BeEmpty();
        cases.Should().OnlyContain(c => c.FactsAreCurrent);
        cases.Should().OnlyContain(c => c.History[0].Trigger == CaseTrigger.Propose && c.History.Select(h => h.At).SequenceEqual(c.History.Select(h => h.At).Order()),
            "history is read in the order it was written, and each step came after the one before");
        cases.Should().OnlyContain(c => c.StateEnteredAt == c.History.Last(h => h.ChangedState || h.Trigger == CaseTrigger.Propose).At);
        cases.Should().OnlyContain(c => c.State.IsEnded() == (c.Outcome != null) && c.State.IsEnded() == (c.EndedAt != null));
        cases.Should().OnlyContain(c => c.StateEnteredAt <= population.Database.Clock.GetUtcNow());
    }

    [Fact]
    public async Task Managers_propose_only_for_their_team_or_themselves()
    {
        await using var db = population.Database.CreateDbContext();

        var proposals = await (from c in db.Cases
                               where c.ProposedByRole == Role.Manager
                               join beneficiary in db.Users on c.BeneficiaryId equals beneficiary.Id
                               select new { c.ProposedById, c.BeneficiaryId, beneficiary.ManagerId }).ToListAsync(Cancellation);

        proposals.Should().NotBeEmpty();
        proposals.Should().OnlyContain(p => p.ManagerId == p.ProposedById || p.BeneficiaryId == p.ProposedById);
    }

    [Fact]
    public async Task Interveners_are_assigned_only_where_they_fit_and_within_their_capacity()
    {
        await using var db = population.Database.CreateDbContext();
        var profiles = await db.IntervenerProfiles.AsNoTracking().ToDictionaryAsync(p => p.UserId, Cancellation);
        var interveners = await IdsInRoleAsync(db, Roles.Intervener);
        var managers = await db.Users.Where(u => u.ManagerId != null).ToDictionaryAsync(u => u.Id, u => u.ManagerId, Cancellation);
        var cases = await db.Cases.AsNoTracking().Where(c => c.IntervenerId != null).ToListAsync(Cancellation);

        cases.Should().NotBeEmpty();
        cases.Should().OnlyContain(c => interveners.Contains(c.IntervenerId!) && profiles[c.IntervenerId!].Covers(c.Domains));
        cases.Should().OnlyContain(c => managers.GetValueOrDefault(c.BeneficiaryId) != c.IntervenerId && c.BeneficiaryId != c.IntervenerId);
        var loads = await db.IntervenerLoadsAsync(cancellationToken: Cancellation);
        loads.Should().OnlyContain(load => load.Value <= profiles[load.Key].MaxActiveCases);
    }

    [Fact]
    public async Task Sessions_exist_only_where_the_engagement_went_into_sessions()
    {
        await using var db = population.Database.CreateDbContext();

        var withSessions = (await db.Cases.AsNoTracking().Include(c => c.Sessions).Where(c => c.Sessions.Any()).ToListAsync(Cancellation))
            .Select(c => new { c.State, c.Outcome, c.Id, c.IntervenerId, Loggers = c.Sessions.Select(s => s.LoggedBy).Distinct().ToList() })
            .ToList();
        var notes = await db.SessionNotes.AsNoTracking().Select(n => new { n.CaseId, n.AuthorId }).ToListAsync(Cancellation);
        var casesById = withSessions.ToDictionary(c => c.Id);

        withSessions.Should().NotBeEmpty();
        withSessions.Should().OnlyContain(c => c.State == CaseState.InSessions
            || (c.State == CaseState.Closed && (c.Outcome == CaseOutcome.Completed || c.Outcome == CaseOutcome.InterruptedByBeneficiary)));
        withSessions.Should().OnlyContain(c => c.Loggers.SequenceEqual(new[] { c.IntervenerId }));
        notes.Should().OnlyContain(n => casesById.ContainsKey(n.CaseId) && casesById[n.CaseId].IntervenerId == n.AuthorId);
    }

    [Fact]
    public async Task Each_case_carries_its_beneficiarys_department()
    {
        await using var db = population.Database.CreateDbContext();

        var pairs = await (from c in db.Cases
                           join beneficiary in db.Users on c.BeneficiaryId equals beneficiary.Id
                           select new { Case = c.Department, Person = beneficiary.Department }).ToListAsync(Cancellation);

        pairs.Should().HaveCount(GeneratedPopulation.Cases);
        pairs.Should().OnlyContain(p => p.Case == p.Person);
        pairs.Should().Contain(p => p.Person == null, "some people belong to no department");
        pairs.Select(p => p.Case).Distinct().Count().Should().BeGreaterThan(20);
    }

    [Fact]
    public async Task People_hold_one_role_each_and_report_to_a_manager()
    {
        await using var db = population.Database.CreateDbContext();
        var managers = await IdsInRoleAsync(db, Roles.Manager);
        var generated = await db.Users.AsNoTracking().Where(u => u.Email!.EndsWith("@" + GeneratedCast.EmailDomain)).ToListAsync(Cancellation);
        var roleCounts = await db.UserRoles.GroupBy(r => r.UserId).Select(g => g.Count()).Distinct().ToListAsync(Cancellation);
        var employees = await IdsInRoleAsync(db, Roles.Beneficiary);

        generated.Count.Should().BeGreaterThan(2 * GeneratedPopulation.Cases);
        generated.Select(u => u.NormalizedEmail).Should().OnlyHaveUniqueItems().And.OnlyContain(e => e != null);
        generated.Should().OnlyContain(u => u.PasswordHash == null && u.SecurityStamp != null && u.DisplayName.Contains(' '));
        roleCounts.Should().Equal(1);
        generated.Where(u => employees.Contains(u.Id)).Should().OnlyContain(u => u.ManagerId != null && managers.Contains(u.ManagerId));
        (await IdsInRoleAsync(db, Roles.Intervener)).Should().HaveCountGreaterThanOrEqualTo(GeneratedCast.IntervenerCount);
    }

    [Fact]
    public async Task A_second_run_is_refused_while_the_database_holds_a_population()
    {
        var output = new StringWriter();
        var errors = new StringWriter();

        var exitCode = await GenerationCommands.RunAsync(population.Database, "Development", errors, output, ["generate", "--cases", "10"]);

        exitCode.Should().Be(GenerationCommand.Refused);
        errors.ToString().Should().Contain("already holds 400 cases").And.Contain("keys");
        await using var db = population.Database.CreateDbContext();
        (await db.Cases.CountAsync(Cancellation)).Should().Be(GeneratedPopulation.Cases);
    }

    private static async Task<HashSet<string>> IdsInRoleAsync(AppDbContext db, string role) =>
        (await (from userRole in db.UserRoles
                join r in db.Roles on userRole.RoleId equals r.Id
                where r.Name == role
                select userRole.UserId).ToListAsync(Cancellation)).ToHashSet();
}
