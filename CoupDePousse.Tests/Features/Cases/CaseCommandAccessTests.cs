using CoupDePousse.App.Features.Cases;
using CoupDePousse.App.Features.Common;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using Microsoft.Extensions.Logging;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;
using static CoupDePousse.Tests.TestSupport.Expected;

namespace CoupDePousse.Tests.Features.Cases;

/// <summary>Every case command, by every person, on a case where the command is valid: who may, who may not, who cannot even see it.</summary>
public class CaseCommandAccessTests(SharedDatabase shared) : IClassFixture<SharedDatabase>
{
    /// <summary>For each command: a case where it is valid, and the command itself (built from that case when it names its parts).</summary>
    public static readonly IReadOnlyDictionary<CaseTrigger, (Func<CoachingCase> Arrange, Func<CoachingCase, CaseCommand> Command)> Commands =
        new Dictionary<CaseTrigger, (Func<CoachingCase>, Func<CoachingCase, CaseCommand>)>
        {
            [CaseTrigger.AssignIntervener] = (() => Proposed(), _ => new AssignIntervenerCommand(IntervenerId)),
            [CaseTrigger.SetBudget] = (WithIntervener, _ => new SetBudgetCommand(8 * 60)),
            [CaseTrigger.AgreeToMeet] = (WithIntervener, _ => new AgreeToMeetCommand()),
            [CaseTrigger.Decline] = (WithIntervener, _ => new DeclineCommand()),
            [CaseTrigger.Withdraw] = (WithIntervener, _ => new WithdrawCommand()),
            [CaseTrigger.Cancel] = (WithIntervener, _ => new CancelCommand("Réorganisation du service")),
            [CaseTrigger.DeclareNoConflict] = (InPreliminaryInterview, _ => new DeclareNoConflictCommand()),
            [CaseTrigger.DeclareConflict] = (InPreliminaryInterview, _ => new DeclareConflictCommand(ConflictDescription)),
            [CaseTrigger.OverrideDeclaredConflict] = (() => WithDeclaredConflict(), _ => new OverrideDeclaredConflictCommand("Lien ancien, sans effet aujourd'hui")),
            [CaseTrigger.RecordInterview] = (ReadyForInterview, _ => new RecordInterviewCommand(Today, 45)),
            [CaseTrigger.Continue] = (InterviewHeld, _ => new ContinueCommand()),
            [CaseTrigger.Stop] = (InterviewHeld, _ => new StopCommand()),
            [CaseTrigger.RecordVerdict] = (Continued, _ => new RecordVerdictCommand(AcceptanceCriterion.FitsShortFormat, true, "Format adapté")),
            [CaseTrigger.RuleAccept] = (UnderDiscussion, _ => new RuleAcceptCommand()),
            [CaseTrigger.RuleDecline] = (UnderDiscussion, _ => new RuleDeclineCommand()),
            [CaseTrigger.Exclude] = (InterviewHeld, _ => new ExcludeCommand(ReferralKind.OccupationalHealth, "Voir la médecine du travail")),
            [CaseTrigger.DraftObjectives] = (Accepted, _ => new DraftObjectivesCommand(Objectives)),
            [CaseTrigger.SetObjectives] = (Accepted, _ => new SetObjectivesCommand(Objectives, StartingScores(Objectives))),
            [CaseTrigger.ShareObjectives] = (ObjectivesSet, _ => new ShareObjectivesCommand(true)),
            [CaseTrigger.RateObjectives] = (() => InSessions(), c => new RateObjectivesCommand(Assessments(c))),
            [CaseTrigger.RateSatisfaction] = (() => Closed(), _ => new RateSatisfactionCommand(9, null)),
            [CaseTrigger.LogSession] = (() => InSessions(), _ => new LogSessionCommand(Today, 90, SessionMode.Video)),
            [CaseTrigger.RequestExtension] = (() => InSessions(), _ => new RequestExtensionCommand(60, ExtensionCategory.MoreSessionsNeeded, "Un entretien de plus avant l'échéance")),
            [CaseTrigger.ApproveExtension] = (WithPendingExtension, _ => new ApproveExtensionCommand()),
            [CaseTrigger.RejectExtension] = (WithPendingExtension, _ => new RejectExtensionCommand()),
            [CaseTrigger.Close] = (() => InSessions(), _ => new CloseCommand("Objectifs atteints en deux séances")),
            [CaseTrigger.DraftCompanyText] = (() => Closed(), _ => new DraftCompanyTextCommand("Un accompagnement utile")),
            [CaseTrigger.ApproveCompanyText] = (() => WithCompanyTextDraft(), _ => new ApproveCompanyTextCommand()),
            [CaseTrigger.WithdrawCompanyTextApproval] = (() => WithCompanyTextApproved(), _ => new WithdrawCompanyTextApprovalCommand()),
            [CaseTrigger.AcceptAgreement] = (Accepted, _ => new AcceptAgreementCommand()),
        };

    // Columns: Beneficiary, Manager (the proposer, who hears one neutral refusal for anything), OtherManager, Hr, Intervener (assigned), OtherIntervener, Admin, OtherBeneficiary.
    // The assigned intervener cannot reach a case that has none yet (AssignIntervener): it is not found for them.
    public static TheoryData<CaseTrigger, Who, Expected> Matrix => Expand(
        Row(CaseTrigger.AssignIntervener, NotAllowed, NoLongerWithdrawable, NotFound, Success, NotFound, NotFound, NotFound, NotFound),
        Row(CaseTrigger.SetBudget, NotAllowed, NoLongerWithdrawable, NotFound, Success, NotAllowed, NotFound, NotFound, NotFound),
        Row(CaseTrigger.AgreeToMeet, Success, NoLongerWithdrawable, NotFound, NotAllowed, NotAllowed, NotFound, NotFound, NotFound),
        Row(CaseTrigger.Decline, Success, NoLongerWithdrawable, NotFound, NotAllowed, NotAllowed, NotFound, NotFound, NotFound),
        Row(CaseTrigger.Withdraw, NotAllowed, Success, NotFound, NotAllowed, NotAllowed, NotFound, NotFound, NotFound),
        Row(CaseTrigger.Cancel, NotAllowed, NoLongerWithdrawable, NotFound, Success, NotAllowed, NotFound, NotFound, NotFound),
        Row(CaseTrigger.DeclareNoConflict, NotAllowed, NoLongerWithdrawable, NotFound, NotAllowed, Success, NotFound, NotFound, NotFound),
        Row(CaseTrigger.DeclareConflict, NotAllowed, NoLongerWithdrawable, NotFound, NotAllowed, Success, NotFound, NotFound, NotFound),
        Row(CaseTrigger.OverrideDeclaredConflict, NotAllowed, NoLongerWithdrawable, NotFound, Success, NotAllowed, NotFound, NotFound, NotFound),
        Row(CaseTrigger.RecordInterview, NotAllowed, NoLongerWithdrawable, NotFound, NotAllowed, Success, NotFound, NotFound, NotFound),
        Row(CaseTrigger.Continue, Success, NoLongerWithdrawable, NotFound, NotAllowed, NotAllowed, NotFound, NotFound, NotFound),
        Row(CaseTrigger.Stop, Success, NoLongerWithdrawable, NotFound, NotAllowed, NotAllowed, NotFound, NotFound, NotFound),
        Row(CaseTrigger.RecordVerdict, NotAllowed, NoLongerWithdrawable, NotFound, Success, Success, NotFound, NotFound, NotFound),
        Row(CaseTrigger.RuleAccept, NotAllowed, NoLongerWithdrawable, NotFound, Success, Success, NotFound, NotFound, NotFound),
        Row(CaseTrigger.RuleDecline, NotAllowed, NoLongerWithdrawable, NotFound, Success, Success, NotFound, NotFound, NotFound),
        Row(CaseTrigger.Exclude, NotAllowed, NoLongerWithdrawable, NotFound, Success, Success, NotFound, NotFound, NotFound),
        Row(CaseTrigger.DraftObjectives, NotAllowed, NoLongerWithdrawable, NotFound, NotAllowed, Success, NotFound, NotFound, NotFound),
        Row(CaseTrigger.SetObjectives, Success, NoLongerWithdrawable, NotFound, NotAllowed, NotAllowed, NotFound, NotFound, NotFound),
        Row(CaseTrigger.ShareObjectives, Success, NoLongerWithdrawable, NotFound, NotAllowed, NotAllowed, NotFound, NotFound, NotFound),
        Row(CaseTrigger.RateObjectives, Success, NoLongerWithdrawable, NotFound, NotAllowed, NotAllowed, NotFound, NotFound, NotFound),
        Row(CaseTrigger.RateSatisfaction, Success, NoLongerWithdrawable, NotFound, NotAllowed, NotAllowed, NotFound, NotFound, NotFound),
        Row(CaseTrigger.LogSession, NotAllowed, NoLongerWithdrawable, NotFound, NotAllowed, Success, NotFound, NotFound, NotFound),
        Row(CaseTrigger.RequestExtension, NotAllowed, NoLongerWithdrawable, NotFound, NotAllowed, Success, NotFound, NotFound, NotFound),
        Row(CaseTrigger.ApproveExtension, NotAllowed, NoLongerWithdrawable, NotFound, Success, NotAllowed, NotFound, NotFound, NotFound),
        Row(CaseTrigger.RejectExtension, NotAllowed, NoLongerWithdrawable, NotFound, Success, NotAllowed, NotFound, NotFound, NotFound),
        Row(CaseTrigger.Close, NotAllowed, NoLongerWithdrawable, NotFound, NotAllowed, Success, NotFound, NotFound, NotFound),
        Row(CaseTrigger.DraftCompanyText, Success, NoLongerWithdrawable, NotFound, NotAllowed, Success, NotFound, NotFound, NotFound),
        Row(CaseTrigger.ApproveCompanyText, Success, NoLongerWithdrawable, NotFound, NotAllowed, NotAllowed, NotFound, NotFound, NotFound),
        Row(CaseTrigger.WithdrawCompanyTextApproval, Success, NoLongerWithdrawable, NotFound, NotAllowed, NotAllowed, NotFound, NotFound, NotFound),
        Row(CaseTrigger.AcceptAgreement, Success, NoLongerWithdrawable, NotFound, Success, Success, NotFound, NotFound, NotFound));

    [Fact]
    public void The_matrix_covers_every_case_command_and_every_person()
    {
        var commandTypes = typeof(CaseCommand).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(CaseCommand)) && !t.IsAbstract);
        var built = Commands.Values.Select(c => c.Command(c.Arrange())).ToList();
        var rows = Matrix.Select(r => ((CaseTrigger)r.Data.Item1, (Who)r.Data.Item2)).ToList();

        built.Select(c => c.GetType()).Should().BeEquivalentTo(commandTypes);
        built.Select(c => c.Trigger).Should().Equal(Commands.Keys);
        rows.Should().OnlyHaveUniqueItems().And.HaveCount(Commands.Count * Enum.GetValues<Who>().Length);
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_case_command_succeeds_only_for_its_party_and_is_not_found_for_who_cannot_reach_the_case(CaseTrigger trigger, Who who, Expected expected)
    {
        var database = shared.Database;
        var (arrange, command) = Commands[trigger];
        var stored = await shared.OnlyCaseAsync(arrange());
        var actor = Of(who);

        var result = await database.Cases().PerformAsync(actor, stored.Id, stored.Version, command(stored), TestContext.Current.CancellationToken);

        var reloaded = await database.LoadAsync(stored.Id);
        if (expected == Success)
        {
            result.ShouldSucceed("{0} may {1}", who, trigger);
            reloaded.Version.Should().Be(stored.Version + 1);
            reloaded.History.Skip(stored.History.Count).Should().Contain(h => h.Trigger == trigger && h.UserId == actor.UserId);
            return;
        }

        var error = expected switch
        {
            NotFound => AppErrors.NotFound,
            NoLongerWithdrawable => CaseErrors.NoLongerWithdrawable,
            _ => CaseErrors.NotAllowed,
        };
        result.ShouldBeRefusedWith(error);
        reloaded.State.Should().Be(stored.State, "a refused command changes nothing");
        reloaded.Version.Should().Be(stored.Version);
        reloaded.History.Should().HaveCount(stored.History.Count);
        database.Logs.Entries.Should().Contain(e => e.Level == LogLevel.Warning
            && e.Message.Contains(stored.Id.ToString()) && e.Message.Contains(actor.UserId) && e.Message.Contains(error.Code));
    }

    private static CoachingCase WithPendingExtension()
    {
        var coachingCase = InSessions();
        coachingCase.RequestExtension(Intervener, 60, ExtensionCategory.MoreSessionsNeeded, "Un entretien de plus", Now).ShouldSucceed();
        return coachingCase;
    }

    private static (CaseTrigger Trigger, Expected[] ByWho) Row(CaseTrigger trigger, params Expected[] byWho) => (trigger, byWho);

    private static TheoryData<CaseTrigger, Who, Expected> Expand(params (CaseTrigger Trigger, Expected[] ByWho)[] rows)
    {
        var data = new TheoryData<CaseTrigger, Who, Expected>();
        var people = Enum.GetValues<Who>();
        foreach (var (trigger, byWho) in rows)
        {
            if (byWho.Length != people.Length)
            {
                throw new InvalidOperationException($"Row {trigger} must name an answer for each of the {people.Length} people");
            }

            for (var i = 0; i < people.Length; i++)
            {
                data.Add(trigger, people[i], byWho[i]);
            }
        }

        return data;
    }
}
