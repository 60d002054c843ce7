using CoupDePousse.App.Features.Common;
using CoupDePousse.App.Features.Reports;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Programme;
using CoupDePousse.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Reports;

/// <summary>HR's programme report on a seeded population whose figures are worked out by hand (decision 033).</summary>
public class ReportServiceTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync() => await database.DisposeAsync();

    private ReportService Service() => new(database, database.Clock, database.Logger<ReportService>());

    /// <summary>Closed after an approved extension of 1 h: 1 h used of 7 h; objectives reached (4 → 9), satisfaction 9.</summary>
    internal static CoachingCase ClosedAfterExtension()
    {
        var coachingCase = InSessions(60);
        coachingCase.RequestExtension(Intervener, 60, ExtensionCategory.MoreSessionsNeeded, null, Now).ShouldSucceed();
        coachingCase.ApproveExtension(Hr, Now).ShouldSucceed();
        coachingCase.Close(Intervener, "Objectifs travaillés.", Now).ShouldSucceed();
        coachingCase.RateObjectives(Beneficiary, Assessments(coachingCase, score: 9), Now).ShouldSucceed();
        coachingCase.RateSatisfaction(Beneficiary, 9, null, Now).ShouldSucceed();
        return coachingCase;
    }

    /// <summary>
    /// 16 cases proposed on 21 October 2026 in Logistique: 6 completed (interview and first session 30 days after the
    /// proposal), 5 declined, 5 still proposed; one more proposed in 2025.
    /// </summary>
    internal static async Task SeedAsync(TestDatabase database)
    {
        for (var i = 0; i < 6; i++)
        {
            await database.SaveAsync(ClosedAfterExtension());
        }

        for (var i = 0; i < 5; i++)
        {
            await database.SaveAsync(Declined());
            await database.SaveAsync(Proposed());
        }

        var lastYear = await database.SaveAsync(Closed());
        await using var db = database.CreateDbContext();
        await db.Cases.Where(c => c.Id == lastYear.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ProposedAt, new DateTimeOffset(2025, 12, 15, 9, 0, 0, TimeSpan.Zero)), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Each_figure_of_the_year_matches_the_population_worked_out_by_hand()
    {
        await SeedAsync(database);

        var view = (await Service().GetAsync(Hr, null, Token)).Value;
        var report = view.Report;

        view.Year.Should().Be(2026);
        view.Years.Should().Equal(2026, 2025);
        report.Total.Should().Be(16);
        report.ByMonth.Should().Contain((10, 16)).And.Contain((11, 0));
        report.ByDepartment.Should().Equal(("Logistique", 16));
        report.ByDomain.Should().Contain((CoachingDomain.ManagementAndCommunication, 16));
        report.Ends.Should().Contain((CaseEnd.Completed, 6)).And.Contain((CaseEnd.Declined, 5)).And.Contain((CaseEnd.OpenBeforeAcceptance, 5));
        report.AcceptanceRate.Should().Be(new ReportValue(11, Math.Round(6.0 / 11, 3)));
        report.MedianDaysToInterview.Should().Be(new ReportValue(6, 30));
        report.MedianDaysToFirstSession.Should().Be(new ReportValue(6, 30));
        report.MedianShareOfBudgetUsed.Should().Be(new ReportValue(6, Math.Round(60.0 / 420, 3)));
        (report.ExtensionsRequested, report.ExtensionsApproved).Should().Be((6, 6));
        report.Objectives.Should().Equal((ObjectivesResult.Reached, 6), (ObjectivesResult.PartlyReached, 0), (ObjectivesResult.NotReached, 0));
        report.Measures.Overall.Should().Be(new MeasureFigure(6, 5.0, 6, 9.0, 1.0));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_queries_count_alike_on_both_providers(DatabaseProvider provider)
    {
        Assert.SkipWhen(provider == DatabaseProvider.Postgres && !TestDatabase.PostgresConfigured, "PostgreSQL runs under ./scripts/test.sh");
        await using var other = await TestDatabase.CreateAsync(provider);
        await SeedAsync(other);

        var report = (await new ReportService(other, other.Clock, other.Logger<ReportService>()).GetAsync(Hr, 2026, Token)).Value.Report;

        (report.Total, report.Accepted, report.Decided, report.RatedCases).Should().Be((16, 6, 11, 6));
        report.MedianDaysToFirstSession.Should().Be(new ReportValue(6, 30));
        report.ByMonth.Should().Contain((10, 16));
    }

    [Fact]
    public async Task The_report_reads_grouped_rows_and_no_confidential_column()
    {
        await SeedAsync(database);
        var capture = new SqlCapture(database);

        (await new ReportService(capture, database.Clock, database.Logger<ReportService>()).GetAsync(Hr, null, Token)).IsSuccess.Should().BeTrue();

        capture.Commands.Should().NotBeEmpty();
        capture.Commands.Should().NotContain(c => c.Contains("\"Description\"") || c.Contains("\"ClosingSummary\"") || c.Contains("\"Statement\"") || c.Contains("SatisfactionComment"));
        capture.Commands.Where(c => c.Contains("GROUP BY")).Should().HaveCountGreaterThanOrEqualTo(6, "months, departments, domains, ends, hours and measures are counted in SQL");
    }

    [Fact]
    public async Task Last_year_is_its_own_report()
    {
        await SeedAsync(database);

        var report = (await Service().GetAsync(Hr, 2025, Token)).Value.Report;

        report.Year.Should().Be(2025);
        report.Total.Should().BeNull("one case is a small group");
        report.ByMonth.Single(m => m.Month == 12).Cases.Should().BeNull();
    }

    [Fact]
    public async Task A_small_department_is_withheld_with_its_complement()
    {
        await SeedAsync(database);
        for (var i = 0; i < 2; i++)
        {
            await database.SaveAsync(CoachingCase.Propose(Manager, new BeneficiaryRef(OtherBeneficiaryId, ManagerId, Department: "Ventes"), Proposal(), BudgetBounds.Default, ProposedAt).Value);
        }

        var report = (await Service().GetAsync(Hr, null, Token)).Value.Report;

        report.Total.Should().Be(18);
        report.ByDepartment.Should().Equal(("Logistique", null), ("Ventes", null));
    }

    [Theory]
    [InlineData(Role.Manager)]
    [InlineData(Role.Intervener)]
    [InlineData(Role.Beneficiary)]
    [InlineData(Role.Admin)]
    public async Task Only_hr_reads_the_report(Role role)
    {
        var result = await Service().GetAsync(new Actor("someone", role), null, Token);

        result.IsFailure.Should().BeTrue();
        result.Error.Should().Be(AppErrors.Forbidden);
        Service().MayRead(new Actor("someone", role)).IsFailure.Should().BeTrue();
    }
}
