using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Cases;
using CoupDePousse.App.Features.Pipeline;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Pipeline;

/// <summary>HR's before/after and satisfaction figures: averages read from the kept counts, withheld under the small-group rule.</summary>
public class MeasuresOverviewTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_kept_counts_follow_the_scores_and_the_satisfaction_answers(DatabaseProvider provider)
    {
        Assert.SkipWhen(provider == DatabaseProvider.Postgres && !TestDatabase.PostgresConfigured, "PostgreSQL runs under ./scripts/test.sh");
        await using var database = await TestDatabase.CreateAsync(provider);
        var closed = await database.SaveAsync(Closed());

        await PerformAsync(database, Beneficiary, closed.Id, new RateObjectivesCommand(Assessments(closed, score: 9)));
        await PerformAsync(database, Beneficiary, closed.Id, new RateSatisfactionCommand(10, "Merci"));
        await PerformAsync(database, Beneficiary, closed.Id, new RateSatisfactionCommand(6, null));

        await using var db = database.CreateDbContext();
        (await CaseCounts.FindDifferencesAsync(db, Token)).Should().BeEmpty();
        var row = await db.CaseCounts.SingleAsync(c => c.State == nameof(CaseState.Closed), Token);
        (row.MeasuredCases, row.MeasuredObjectives, row.ScoreChange).Should().Be((1, 2, 2 * (9 - 4)));
        (row.SatisfactionAnswers, row.SatisfactionTotal, row.Recommending).Should().Be((1, 6, 0), "a new answer replaces the previous one");
    }

    [Fact]
    public async Task Moving_a_person_moves_their_scores_in_the_counts()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.SaveAsync(ClosedAndAnswered(5, 9));

        (await database.Administration().SetOrganisationAsync(Admin, BeneficiaryId, "Juridique", ManagerId, Token)).IsSuccess.Should().BeTrue();

        await using var db = database.CreateDbContext();
        (await CaseCounts.FindDifferencesAsync(db, Token)).Should().BeEmpty();
        (await db.CaseCounts.SingleAsync(c => c.SatisfactionAnswers != 0, Token)).Department.Should().Be("Juridique");
    }

    [Fact]
    public async Task Hr_sees_the_average_change_and_satisfaction_of_enough_closed_cases()
    {
        await using var database = await TestDatabase.CreateAsync();
        foreach (var (after, satisfaction) in new[] { (9, 10), (8, 9), (7, 9), (6, 7), (5, 5) })
        {
            await database.SaveAsync(ClosedAndAnswered(after, satisfaction));
        }

        var overview = (await database.Pipeline().GetOverviewAsync(Hr, new PipelineFilter(), new PageRequest(), Token)).Value;

        var overall = overview.Measures!.Overall;
        overall.MeasuredCases.Should().Be(5);
        overall.AverageChange.Should().Be(7.0 - 4, "the starting score is 4, the closing scores average 7");
        overall.AverageSatisfaction.Should().Be(8.0);
        overall.RecommendingShare.Should().Be(0.6);
        overview.Measures.ByDepartment["Logistique"].AverageSatisfaction.Should().Be(8.0);
        overview.Measures.ByDomain[Proposal().Domains.First()].AverageChange.Should().Be(3.0);
    }

    [Fact]
    public async Task Under_the_threshold_no_average_is_shown()
    {
        await using var database = await TestDatabase.CreateAsync();
        for (var i = 0; i < 4; i++)
        {
            await database.SaveAsync(ClosedAndAnswered(9, 10));
        }

        // Enough cases for the page's figures, too few answers for an average.
        for (var i = 0; i < 3; i++)
        {
            await database.SaveAsync(InSessions());
        }

        var overview = (await database.Pipeline().GetOverviewAsync(Hr, new PipelineFilter(), new PageRequest(), Token)).Value;

        overview.Statistics.Should().NotBeNull();
        overview.Measures!.Overall.Should().Be(MeasureFigure.Withheld);
        overview.Measures.ByDepartment.Values.Should().OnlyContain(f => f == MeasureFigure.Withheld);
    }

    [Fact]
    public async Task No_average_is_shown_for_one_intervener()
    {
        await using var database = await TestDatabase.CreateAsync();
        for (var i = 0; i < 5; i++)
        {
            await database.SaveAsync(ClosedAndAnswered(9, 10));
        }

        var overview = (await database.Pipeline().GetOverviewAsync(Hr, new PipelineFilter(IntervenerId: IntervenerId), new PageRequest(), Token)).Value;

        overview.Statistics.Should().NotBeNull();
        overview.Measures.Should().BeNull();
    }

    [Fact]
    public async Task The_figures_read_the_kept_counts_never_a_score_of_a_case()
    {
        await using var database = await TestDatabase.CreateAsync();
        for (var i = 0; i < 5; i++)
        {
            await database.SaveAsync(ClosedAndAnswered(9, 10));
        }

        var capture = new SqlCapture(database);
        (await capture.Pipeline().GetOverviewAsync(Hr, new PipelineFilter(), new PageRequest(), Token)).Value.Measures.Should().NotBeNull();

        capture.Commands.Should().NotContain(sql => sql.Contains("\"SatisfactionScore\"") || sql.Contains("\"StartingScore\"") || sql.Contains("\"ClosingScore\""));
        capture.Commands.Should().Contain(sql => sql.Contains("\"CaseCounts\"") && sql.Contains("\"SatisfactionTotal\""));
    }

    private static CoachingCase ClosedAndAnswered(int after, int satisfaction)
    {
        var coachingCase = Closed();
        coachingCase.RateObjectives(Beneficiary, Assessments(coachingCase, score: after), Now).ShouldSucceed();
        coachingCase.RateSatisfaction(Beneficiary, satisfaction, null, Now).ShouldSucceed();
        return coachingCase;
    }

    private static async Task PerformAsync(TestDatabase database, CoupDePousse.Domain.Common.Actor actor, Guid id, CaseCommand command)
    {
        var version = (await database.LoadAsync(id)).Version;
        (await database.Cases().PerformAsync(actor, id, version, command, Token)).ShouldSucceed();
    }
}
