using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;

namespace CoupDePousse.Domain.Resources;

/// <summary>
/// Who works on a case between sessions (decision 028): its beneficiary and its intervener of the moment, nobody else;
/// open from acceptance while the engagement runs, read-only once the case has ended, absent before acceptance.
/// </summary>
public static class BetweenSessions
{
    /// <summary>The states where resources are shared and action items set, ticked and changed.</summary>
    public static IReadOnlyList<CaseState> OpenStates { get; } = [CaseState.Accepted, CaseState.ObjectivesSet, CaseState.InSessions];

    public static bool IsOpen(CoachingCase coachingCase) => OpenStates.Contains(coachingCase.State);

    /// <summary>Before acceptance there is nothing between sessions to show; a case ended before it never holds any.</summary>
    public static bool HasStarted(CoachingCase coachingCase) => !coachingCase.State.IsBeforeAcceptance();

    public static bool IsParty(CoachingCase coachingCase, Actor actor) => PartyOf(coachingCase, actor) is not null;

    /// <summary>The beneficiary or the case's current intervener; a replaced intervener is no longer a party.</summary>
    public static ActionItemAuthor? PartyOf(CoachingCase coachingCase, Actor actor)
    {
        if (coachingCase.IsBeneficiary(actor))
        {
            return ActionItemAuthor.Beneficiary;
        }

        return coachingCase.IsAssignedIntervener(actor) ? ActionItemAuthor.Intervener : null;
    }

    public static bool MayRead(CoachingCase coachingCase, Actor actor) => IsParty(coachingCase, actor) && HasStarted(coachingCase);

    /// <summary>A party may change things only while the engagement runs.</summary>
    internal static Result MayChange(CoachingCase coachingCase, Actor actor, ActionItemAuthor? onlyParty = null)
    {
        var party = PartyOf(coachingCase, actor);
        if (party is null || (onlyParty is not null && party != onlyParty))
        {
            return CaseErrors.NotAllowed;
        }

        return IsOpen(coachingCase) ? Result.Success() : ResourceErrors.NotOpen;
    }
}
