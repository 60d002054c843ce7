using CoupDePousse.App.Data;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Cases;

/// <summary>"My cases" is one projection: as many commands for 12 cases as for 2, no case text read, and the next step the domain gives.</summary>
public class ListingQueryTests : IAsyncLifetime
{
    private static readonly string[] TextColumns =
    [
        "Description", "WishedTiming", "ClosingSummary", "ReferralNote", "CancellationReason",
        "Comment", "Statement", "SuccessMeasure", "Reason", "Text",
    ];

    private TestDatabase _database = null!;
    private SqlCapture _capture = null!;
    private readonly List<CoachingCase> _cases = [];
    private int _next;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _capture = new SqlCapture(_database);
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [InlineData(Who.Intervener)]
    [InlineData(Who.Beneficiary)]
    public async Task My_cases_runs_the_same_few_commands_for_twelve_cases_as_for_two_and_never_reads_a_text(Who who)
    {
        await SaveScenariosAsync(2, withIntervenerOnly: true);
        var withTwo = await CommandsOfMyCasesAsync(who, expectedRows: 2);

        await SaveScenariosAsync(10, withIntervenerOnly: true);
        var withTwelve = await CommandsOfMyCasesAsync(who, expectedRows: 12);

        withTwelve.Should().HaveCount(withTwo.Count, "the count, the rows and the names are one command each, whatever the number of cases");
        withTwelve.Should().HaveCountLessThanOrEqualTo(3);
        foreach (var column in TextColumns)
        {
            withTwelve.Should().NotContain(sql => sql.Contains($"\"{column}\"", StringComparison.Ordinal), "a list never reads {0}", column);
        }
    }

    [Fact]
    public async Task The_intervener_sees_their_own_next_step_on_each_row_and_the_beneficiary_none()
    {
        await SaveScenariosAsync(CaseScenarios.All.Count, withIntervenerOnly: false);
        var cancellationToken = TestContext.Current.CancellationToken;

        var forIntervener = await _database.Cases().ListMyCasesAsync(Intervener, new PageRequest(PageSize: 100), cancellationToken);
        var forBeneficiary = await _database.Cases().ListMyCasesAsync(Beneficiary, new PageRequest(PageSize: 100), cancellationToken);

        var byId = _cases.ToDictionary(c => c.Id);
        forIntervener.Items.Select(i => i.Id).Should().BeEquivalentTo(_cases.Where(c => c.IntervenerId == IntervenerId).Select(c => c.Id));
        forIntervener.Items.Should().AllSatisfy(item =>
            item.IntervenerNextStep.Should().Be(byId[item.Id].Progress.ForIntervener));
        forBeneficiary.Items.Should().HaveCount(_cases.Count);
        forBeneficiary.Items.Should().OnlyContain(item => item.IntervenerNextStep == null);
    }

    /// <summary>Cases of the builder's beneficiary at the scenarios' steps in turn, those without an intervener left out when asked.</summary>
    private async Task SaveScenariosAsync(int count, bool withIntervenerOnly)
    {
        var scenarios = CaseScenarios.All.Values.ToList();
        for (var saved = 0; saved < count; _next++)
        {
            var coachingCase = scenarios[_next % scenarios.Count]();
            if (withIntervenerOnly && coachingCase.IntervenerId is null)
            {
                continue;
            }

            _cases.Add(await _database.SaveAsync(coachingCase));
            saved++;
        }
    }

    private async Task<IReadOnlyList<string>> CommandsOfMyCasesAsync(Who who, int expectedRows)
    {
        _capture.Clear();
        var page = await _capture.Cases().ListMyCasesAsync(Of(who), new PageRequest(), TestContext.Current.CancellationToken);
        page.Items.Should().HaveCount(expectedRows);
        return _capture.Commands;
    }
}
