using CoupDePousse.App.Features.Cases;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;
using CoupDePousse.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Concurrency;

/// <summary>
/// The same command sent twice (a double click, a retry), one after the other or at the same moment, acts once
/// (decision 045): a case command carries the version its author saw, a proposal the request id its form drew.
/// </summary>
public class DoubleSubmitTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>The buttons found acting twice in issue 17, and the other commands that commute with another person's (retried on a conflict).</summary>
    public static TheoryData<string, bool> Commands()
    {
        var data = new TheoryData<string, bool>();
        foreach (var name in new[] { "LogSession", "RecordVerdict", "DraftObjectives", "SetObjectives", "SetBudget", "RateObjectives", "RuleAccept", "AcceptAgreement", "RateSatisfaction" })
        {
            data.Add(name, false);
            data.Add(name, true);
        }

        return data;
    }

    private static (CoachingCase Case, Actor Actor, Func<CoachingCase, CaseCommand> Command) Scenario(string name) => name switch
    {
        "LogSession" => (ObjectivesSet(), Intervener, _ => new LogSessionCommand(Today, 60, SessionMode.OnSite)),
        "RecordVerdict" => (Continued(), Hr, _ => new RecordVerdictCommand(AcceptanceCriteria.OwnedBy(Party.Company).First(), true, null)),
        "DraftObjectives" => (Accepted(), Intervener, _ => new DraftObjectivesCommand(Objectives)),
        "SetObjectives" => (Accepted(), Beneficiary, _ => new SetObjectivesCommand(Objectives, StartingScores(Objectives))),
        "SetBudget" => (Proposed(), Hr, c => new SetBudgetCommand(c.Hours.InitialMinutes + 60)),
        "RateObjectives" => (InSessions(), Beneficiary, c => new RateObjectivesCommand(c.Objectives.ToDictionary(o => o.Id, _ => new ObjectiveAssessment(ObjectiveRating.Reached, 8)))),
        "RuleAccept" => (UnderDiscussion(), Hr, _ => new RuleAcceptCommand()),
        "AcceptAgreement" => (Accepted(), Beneficiary, _ => new AcceptAgreementCommand()),
        "RateSatisfaction" => (Closed(), Beneficiary, _ => new RateSatisfactionCommand(9, null)),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task The_same_command_sent_twice_against_the_same_version_acts_once(string name, bool atOnce)
    {
        await using var database = await TestDatabase.CreateAsync();
        var (built, actor, command) = Scenario(name);
        var saved = await database.SaveAsync(built);
        var trigger = command(saved).Trigger;
        var before = saved.History.Count(h => h.Trigger == trigger);

        Result[] results;
        if (atOnce)
        {
            results = await ConcurrentCommandsTests.AtOnceAsync(database, saved, (actor, command(saved)), (actor, command(saved)));
        }
        else
        {
            var cases = database.Cases();
            results = [await cases.PerformAsync(actor, saved.Id, saved.Version, command(saved), Token), await cases.PerformAsync(actor, saved.Id, saved.Version, command(saved), Token)];
        }

        results.Count(r => r.IsSuccess).Should().Be(1, string.Join(", ", results.Select(r => r.Error?.Code)));
        results.Single(r => r.IsFailure).Error!.Code.Should().Be(CaseErrors.Concurrency.Code);
        var loaded = await database.LoadAsync(saved.Id);
        loaded.History.Count(h => h.Trigger == trigger).Should().Be(before + 1);
        loaded.Sessions.Should().HaveCount(saved.Sessions.Count + (trigger == CaseTrigger.LogSession ? 1 : 0));
        loaded.Version.Should().Be(saved.Version + 1);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_proposal_sent_twice_with_its_request_id_creates_one_case(bool atOnce)
    {
        await using var database = await TestDatabase.CreateAsync();
        var cases = new InterceptedCases(database).Cases();
        var requestId = Guid.NewGuid();

        Result<Guid>[] results = atOnce
            ? await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => cases.ProposeAsync(Manager, BeneficiaryId, Proposal(), requestId, Token), Token)))
            : [await cases.ProposeAsync(Manager, BeneficiaryId, Proposal(), requestId, Token), await cases.ProposeAsync(Manager, BeneficiaryId, Proposal(), requestId, Token)];

        results.Should().AllSatisfy(r => r.IsSuccess.Should().BeTrue());
        results.Select(r => r.Value).Distinct().Should().ContainSingle("the second submit answers with the case the first created");
        await using var db = database.CreateDbContext();
        (await db.Cases.CountAsync(Token)).Should().Be(1);
        (await db.ProposalRequests.SingleAsync(Token)).CaseId.Should().Be(results[0].Value);
    }

    [Fact]
    public async Task Two_forms_propose_two_cases_and_a_request_id_answers_only_its_author()
    {
        await using var database = await TestDatabase.CreateAsync();
        var cases = database.Cases();
        var requestId = Guid.NewGuid();

        var first = (await cases.ProposeAsync(Manager, BeneficiaryId, Proposal(), requestId, Token)).ShouldSucceed();
        var second = (await cases.ProposeAsync(Manager, BeneficiaryId, Proposal(), Guid.NewGuid(), Token)).ShouldSucceed();
        var stranger = await cases.ProposeAsync(OtherManager, OtherBeneficiaryId, Proposal(), requestId, Token);

        second.Should().NotBe(first);
        stranger.Error!.Code.Should().Be(App.Features.Common.AppErrors.NotFound.Code);
    }
}
