using CoupDePousse.Domain.Common;
using Stateless;

namespace CoupDePousse.Domain.Cases;

public sealed partial class CoachingCase
{
    private static readonly Dictionary<string, Error> GuardErrors = new[]
    {
        CaseErrors.IntervenerRequired, CaseErrors.InterviewRequired, CaseErrors.InterviewAlreadyHeld,
        CaseErrors.CriteriaNotAllValidated, CaseErrors.NoCriterionRefused,
        CaseErrors.DiscussionNotSettled, CaseErrors.ExtensionAlreadyPending, CaseErrors.NoPendingExtension,
        CaseErrors.NoObjectivesToShare, CaseErrors.CompanyTextToApprove, CaseErrors.CompanyTextNotApproved,
        CaseErrors.NoDeclaredConflict, CaseErrors.NoAgreement,
    }.ToDictionary(e => e.English);

    private StateMachine<CaseState, CaseTrigger> Machine => _machine ??= BuildMachine(this);

    /// <summary>The machine of a fresh case, for the generated diagram.</summary>
    public static StateMachine<CaseState, CaseTrigger> DescribeLifecycle() => BuildMachine(new CoachingCase());

    /// <summary>Who may fire a trigger, by role and relation to this case (the state is checked apart).</summary>
    public bool MayAct(Actor actor, CaseTrigger trigger) => trigger switch
    {
        CaseTrigger.AssignIntervener or CaseTrigger.OverrideDeclaredConflict or CaseTrigger.Cancel or CaseTrigger.ApproveExtension
            or CaseTrigger.RejectExtension or CaseTrigger.SetBudget => ActsForCompany(actor),
        CaseTrigger.AgreeToMeet or CaseTrigger.Decline or CaseTrigger.Continue or CaseTrigger.Stop
            or CaseTrigger.SetObjectives or CaseTrigger.ShareObjectives or CaseTrigger.RateObjectives
            or CaseTrigger.ApproveCompanyText or CaseTrigger.WithdrawCompanyTextApproval
            or CaseTrigger.RateSatisfaction => IsBeneficiary(actor),
        CaseTrigger.DraftCompanyText => IsBeneficiary(actor) || IsAssignedIntervener(actor),
        CaseTrigger.DeclareNoConflict or CaseTrigger.DeclareConflict
            or CaseTrigger.RecordInterview or CaseTrigger.DraftObjectives or CaseTrigger.LogSession
            or CaseTrigger.WriteSessionNote or CaseTrigger.RequestExtension or CaseTrigger.Close => IsAssignedIntervener(actor),
        CaseTrigger.RecordVerdict or CaseTrigger.RuleAccept or CaseTrigger.RuleDecline
            or CaseTrigger.Exclude => ActsForCompany(actor) || IsAssignedIntervener(actor),
        CaseTrigger.RecordMissedSession => IsAssignedIntervener(actor) || IsBeneficiary(actor),
        CaseTrigger.AcceptAgreement => IsBeneficiary(actor) || IsAssignedIntervener(actor) || ActsForCompany(actor),
        CaseTrigger.Withdraw => actor.Role == Role.Manager && IsProposer(actor),
        _ => false,
    };

    // An HR member who is the beneficiary of a case never decides for the company on it.
    private bool ActsForCompany(Actor actor) => actor.Role == Role.HR && !IsBeneficiary(actor);

    /// <summary>Whether the actor may fire the trigger now, and if not, the message saying why (to a proposer, always the same one).</summary>
    public Result CanPerform(Actor actor, CaseTrigger trigger) => Told(actor, Check(actor, trigger));

    // A refusal as the actor may hear it: its state, step and guards stay hidden from whoever sees only the coarse status.
    private Result Told(Actor actor, Result result) =>
        result.IsFailure ? CaseVisibility.For(actor, this).Refusal(result.Error!) : result;

    private Result Check(Actor actor, CaseTrigger trigger)
    {
        if (!MayAct(actor, trigger))
        {
            return CaseErrors.NotAllowed;
        }

        if (!Machine.CanFire(trigger, out var unmetGuards))
        {
            if (unmetGuards is null || unmetGuards.Count == 0)
            {
                return State.IsEnded() ? CaseErrors.Ended : CaseErrors.WrongState.With(State.Label(Fr), State.Label(En));
            }

            return GuardErrors[unmetGuards.First()];
        }

        return CheckActorConditions(actor, trigger);
    }

    /// <summary>The operations the actor may perform now, to show only valid actions.</summary>
    public IReadOnlyList<CaseTrigger> AvailableTriggers(Actor actor) =>
        CaseTriggers.UserTriggers.Where(t => CanPerform(actor, t).IsSuccess).ToList();

    // Conditions that depend on who acts or on a second fact, which one guard of the machine cannot say.
    private Result CheckActorConditions(Actor actor, CaseTrigger trigger) => trigger switch
    {
        CaseTrigger.Continue when BeneficiaryContinued => CaseErrors.AlreadyContinued,
        CaseTrigger.RecordInterview when !ConflictDeclaration.IsSettled() => CaseErrors.ConflictDeclarationRequired,
        CaseTrigger.DeclareNoConflict when ConflictDeclaration == ConflictDeclarationStatus.NoConflict => CaseErrors.NoConflictAlreadyDeclared,
        CaseTrigger.DeclareNoConflict when ConflictDeclaration == ConflictDeclarationStatus.ConflictOverridden => CaseErrors.DeclaredConflictAlreadyDecided,
        CaseTrigger.RuleAccept or CaseTrigger.RuleDecline when RulingOf(PartyOf(actor)) is not null => CaseErrors.AlreadyRuled,
        CaseTrigger.AcceptAgreement => CheckAgreementAcceptance(actor),
        CaseTrigger.LogSession => CheckAgreementInForce(),
        _ => Result.Success(),
    };

    private static Party PartyOf(Actor actor) => actor.Role == Role.HR ? Party.Company : Party.Intervener;

    private bool? RulingOf(Party party) => party == Party.Company ? CompanyRuling : IntervenerRuling;

    /// <summary>
    /// Runs one operation: authorize, check the machine, validate the input, then fire, apply the data
    /// change, record the transition, and let the case advance by itself where its conditions are met.
    /// </summary>
    private Result Execute(Actor actor, CaseTrigger trigger, DateTimeOffset now, Func<Result>? validate, Action apply, TransitionDetail? detail = null, AgreementTerms? terms = null)
    {
        var allowed = CanPerform(actor, trigger);
        if (allowed.IsFailure)
        {
            return allowed;
        }

        var valid = validate?.Invoke() ?? Result.Success();
        if (valid.IsFailure)
        {
            return Told(actor, valid);
        }

        FireAndRecord(actor, trigger, now, detail ?? TransitionDetail.None);
        apply();
        AdvanceAutomatically(actor, now, terms ?? AgreementTerms.Default);
        RefreshFacts();
        Version++;
        return Result.Success();
    }

    /// <summary>
    /// Whether a command the actor sent against the version they saw may still be applied to the case as it stands
    /// (decision 045): its trigger commutes with others, and every change since was someone else's commuting change that
    /// left the case in its state (a step the case took by itself, such as drawing up the agreement, is no such change),
    /// each found in the history. A change of the actor's own in between (a double submit) or any other change keeps
    /// the refusal of decision 003. The command is then checked again, as always, on the case as it stands.
    /// </summary>
    public bool MayApplyOver(int seenVersion, Actor actor, CaseTrigger trigger)
    {
        if (seenVersion == Version)
        {
            return true;
        }

        if (seenVersion > Version || !trigger.CommutesWithOthers())
        {
            return false;
        }

        var since = _history.Where(h => h.CaseVersion > seenVersion).ToList();
        return since.Select(h => h.CaseVersion).Distinct().Count() == Version - seenVersion
            && since.All(h => h.UserId != actor.UserId && h.Trigger.CommutesWithOthers() && !h.ChangedState);
    }

    private void FireAndRecord(Actor actor, CaseTrigger trigger, DateTimeOffset now, TransitionDetail detail)
    {
        var from = State;
        Machine.Fire(trigger);
        if (State != from)
        {
            StateEnteredAt = now;
        }

        _history.Add(new TransitionRecord(now, actor.UserId, actor.Role, from, State, trigger, detail, Version + 1));
    }

    // Entering Accepted draws up version 1 of the agreement, with the admin's terms as they stand now.
    private void AdvanceAutomatically(Actor actor, DateTimeOffset now, AgreementTerms terms)
    {
        foreach (var trigger in (ReadOnlySpan<CaseTrigger>)[CaseTrigger.CriterionRefused, CaseTrigger.AllCriteriaValidated, CaseTrigger.DiscussionAccepted])
        {
            if (Machine.CanFire(trigger))
            {
                FireAndRecord(actor, trigger, now, TransitionDetail.None);
                if (State == CaseState.Accepted && CurrentAgreement is null)
                {
                    DrawUpAgreement(AgreementReason.Initial, terms, now);
                }

                return;
            }
        }
    }

    private void End(CaseOutcome outcome, DateTimeOffset now)
    {
        Outcome = outcome;
        EndedAt = now;
    }

    private static StateMachine<CaseState, CaseTrigger> BuildMachine(CoachingCase c)
    {
        var machine = new StateMachine<CaseState, CaseTrigger>(() => c.State, s => c.State = s);

        machine.Configure(CaseState.Proposed)
            .InternalTransition(CaseTrigger.AssignIntervener, NoOp)
            .InternalTransition(CaseTrigger.DeclareNoConflict, NoOp)
            .InternalTransition(CaseTrigger.DeclareConflict, NoOp)
            .InternalTransitionIf(CaseTrigger.OverrideDeclaredConflict, _ => c.ConflictDeclaration == ConflictDeclarationStatus.ConflictDeclared, NoOp, CaseErrors.NoDeclaredConflict.English)
            .PermitIf(CaseTrigger.AgreeToMeet, CaseState.PreliminaryInterview, () => c.IntervenerId is not null, CaseErrors.IntervenerRequired.English)
            .Permit(CaseTrigger.Decline, CaseState.Declined)
            .Permit(CaseTrigger.Stop, CaseState.Declined)
            .Permit(CaseTrigger.Withdraw, CaseState.Cancelled)
            .Permit(CaseTrigger.Cancel, CaseState.Cancelled)
            .Permit(CaseTrigger.Exclude, CaseState.Declined)
            .InternalTransition(CaseTrigger.SetBudget, NoOp);

        machine.Configure(CaseState.PreliminaryInterview)
            .InternalTransitionIf(CaseTrigger.AssignIntervener, _ => c.Interview is null, NoOp, CaseErrors.InterviewAlreadyHeld.English)
            .InternalTransitionIf(CaseTrigger.DeclareNoConflict, _ => c.Interview is null, NoOp, CaseErrors.InterviewAlreadyHeld.English)
            .InternalTransitionIf(CaseTrigger.DeclareConflict, _ => c.Interview is null, NoOp, CaseErrors.InterviewAlreadyHeld.English)
            .InternalTransitionIf(CaseTrigger.OverrideDeclaredConflict, _ => c.ConflictDeclaration == ConflictDeclarationStatus.ConflictDeclared, NoOp, CaseErrors.NoDeclaredConflict.English)
            .InternalTransitionIf(CaseTrigger.RecordInterview, _ => c.Interview is null, NoOp, CaseErrors.InterviewAlreadyHeld.English)
            .InternalTransitionIf(CaseTrigger.Continue, _ => c.Interview is not null, NoOp, CaseErrors.InterviewRequired.English)
            .InternalTransitionIf(CaseTrigger.RecordVerdict, _ => c.Interview is not null, NoOp, CaseErrors.InterviewRequired.English)
            .InternalTransition(CaseTrigger.SetBudget, NoOp)
            .PermitIf(CaseTrigger.AllCriteriaValidated, CaseState.Accepted, () => c.BeneficiaryContinued && c.AllCriteriaValidated(), CaseErrors.CriteriaNotAllValidated.English)
            .PermitIf(CaseTrigger.CriterionRefused, CaseState.UnderDiscussion, () => c.BeneficiaryContinued && c.AnyCriterionRefused(), CaseErrors.NoCriterionRefused.English)
            .Permit(CaseTrigger.Stop, CaseState.Declined)
            .Permit(CaseTrigger.Exclude, CaseState.Declined)
            .Permit(CaseTrigger.Cancel, CaseState.Cancelled);

        machine.Configure(CaseState.UnderDiscussion)
            .InternalTransition(CaseTrigger.RuleAccept, NoOp)
            .PermitIf(CaseTrigger.DiscussionAccepted, CaseState.Accepted, () => c.CompanyRuling == true && c.IntervenerRuling == true, CaseErrors.DiscussionNotSettled.English)
            .Permit(CaseTrigger.RuleDecline, CaseState.Declined)
            .InternalTransition(CaseTrigger.SetBudget, NoOp)
            .Permit(CaseTrigger.Stop, CaseState.Declined)
            .Permit(CaseTrigger.Exclude, CaseState.Declined)
            .Permit(CaseTrigger.Cancel, CaseState.Cancelled);

        machine.Configure(CaseState.Accepted)
            .InternalTransition(CaseTrigger.SetBudget, NoOp)
            .InternalTransitionIf(CaseTrigger.AcceptAgreement, _ => c.CurrentAgreement is not null, NoOp, CaseErrors.NoAgreement.English)
            .InternalTransition(CaseTrigger.DraftObjectives, NoOp)
            .Permit(CaseTrigger.SetObjectives, CaseState.ObjectivesSet)
            .Permit(CaseTrigger.Stop, CaseState.Closed);

        machine.Configure(CaseState.ObjectivesSet)
            .InternalTransition(CaseTrigger.SetBudget, NoOp)
            .InternalTransitionIf(CaseTrigger.AcceptAgreement, _ => c.CurrentAgreement is not null, NoOp, CaseErrors.NoAgreement.English)
            .InternalTransition(CaseTrigger.DraftObjectives, NoOp)
            .InternalTransition(CaseTrigger.SetObjectives, NoOp)
            .InternalTransition(CaseTrigger.ShareObjectives, NoOp)
            .Permit(CaseTrigger.LogSession, CaseState.InSessions)
            .InternalTransition(CaseTrigger.RecordMissedSession, NoOp)
            .Permit(CaseTrigger.Stop, CaseState.Closed);

        machine.Configure(CaseState.InSessions)
            .InternalTransition(CaseTrigger.LogSession, NoOp)
            .InternalTransitionIf(CaseTrigger.AcceptAgreement, _ => c.CurrentAgreement is not null, NoOp, CaseErrors.NoAgreement.English)
            .InternalTransition(CaseTrigger.RecordMissedSession, NoOp)
            .InternalTransition(CaseTrigger.WriteSessionNote, NoOp)
            .InternalTransitionIf(CaseTrigger.RequestExtension, _ => c.PendingExtension is null, NoOp, CaseErrors.ExtensionAlreadyPending.English)
            .InternalTransitionIf(CaseTrigger.ApproveExtension, _ => c.PendingExtension is not null, NoOp, CaseErrors.NoPendingExtension.English)
            .InternalTransitionIf(CaseTrigger.RejectExtension, _ => c.PendingExtension is not null, NoOp, CaseErrors.NoPendingExtension.English)
            .InternalTransition(CaseTrigger.DraftObjectives, NoOp)
            .InternalTransition(CaseTrigger.SetObjectives, NoOp)
            .InternalTransition(CaseTrigger.ShareObjectives, NoOp)
            .InternalTransition(CaseTrigger.RateObjectives, NoOp)
            .Permit(CaseTrigger.Close, CaseState.Closed)
            .Permit(CaseTrigger.Stop, CaseState.Closed);

        // An ended engagement accepts only the beneficiary's own rating, their choice to share it, their satisfaction, and the text meant for the company.
        machine.Configure(CaseState.Closed)
            .InternalTransitionIf(CaseTrigger.RateObjectives, _ => c._objectives.Count > 0, NoOp, CaseErrors.NoObjectivesToShare.English)
            .InternalTransition(CaseTrigger.RateSatisfaction, NoOp)
            .InternalTransitionIf(CaseTrigger.ShareObjectives, _ => c._objectives.Count > 0, NoOp, CaseErrors.NoObjectivesToShare.English)
            .InternalTransition(CaseTrigger.DraftCompanyText, NoOp)
            .InternalTransitionIf(CaseTrigger.ApproveCompanyText, _ => c.CompanyTextStatus == CompanyTextStatus.AwaitingApproval, NoOp, CaseErrors.CompanyTextToApprove.English)
            .InternalTransitionIf(CaseTrigger.WithdrawCompanyTextApproval, _ => c.CompanyTextStatus == CompanyTextStatus.Approved, NoOp, CaseErrors.CompanyTextNotApproved.English);

        machine.Configure(CaseState.Declined);
        machine.Configure(CaseState.Cancelled);
        return machine;
    }

    private static void NoOp(StateMachine<CaseState, CaseTrigger>.Transition transition)
    {
        // Data changes live in the operations, never in the machine: they must not replay on load.
    }

    private static readonly System.Globalization.CultureInfo Fr = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");
    private static readonly System.Globalization.CultureInfo En = System.Globalization.CultureInfo.GetCultureInfo("en-US");
}
