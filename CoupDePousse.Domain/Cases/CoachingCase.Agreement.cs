using CoupDePousse.Domain.Common;

namespace CoupDePousse.Domain.Cases;

/// <summary>The parties an agreement still waits on, as one set of bits (kept as a stored fact for lists).</summary>
[Flags]
public enum AgreementParties
{
    None = 0,
    Beneficiary = 1,
    Intervener = 2,
    Company = 4,
}

public sealed partial class CoachingCase
{
    private readonly List<AgreementVersion> _agreementVersions = [];
    private readonly List<AgreementAcceptance> _agreementAcceptances = [];

    /// <summary>Every version of the three-way agreement, version 1 first; empty until the case is accepted.</summary>
    public IReadOnlyList<AgreementVersion> AgreementVersions => _agreementVersions;

    public IReadOnlyList<AgreementAcceptance> AgreementAcceptances => _agreementAcceptances;

    /// <summary>The version in force or to accept: the latest one.</summary>
    public AgreementVersion? CurrentAgreement => _agreementVersions.Count == 0 ? null : _agreementVersions[^1];

    /// <summary>
    /// Who still has to accept: the beneficiary accepts every version (amendments included); the intervener and HR accept
    /// the agreement once (version 1, or the version current when they accept).
    /// </summary>
    public AgreementParties AgreementAwaiting
    {
        get
        {
            if (CurrentAgreement is not { } current)
            {
                return AgreementParties.None;
            }

            var awaiting = AgreementParties.None;
            if (!_agreementAcceptances.Any(a => a.Party == AgreementParty.Beneficiary && a.VersionNumber == current.Number))
            {
                awaiting |= AgreementParties.Beneficiary;
            }

            if (_agreementAcceptances.All(a => a.Party != AgreementParty.Intervener))
            {
                awaiting |= AgreementParties.Intervener;
            }

            if (_agreementAcceptances.All(a => a.Party != AgreementParty.Company))
            {
                awaiting |= AgreementParties.Company;
            }

            return awaiting;
        }
    }

    /// <summary>No session is logged or counted before this: the agreement drawn up and accepted by everyone it waits on.</summary>
    public bool AgreementInForce => CurrentAgreement is not null && AgreementAwaiting == AgreementParties.None;

    public bool HasAccepted(AgreementParty party, int versionNumber) =>
        _agreementAcceptances.Any(a => a.Party == party && a.VersionNumber == versionNumber);

    /// <summary>The beneficiary, the assigned intervener or HR for the company accepts the current version.</summary>
    public Result AcceptAgreement(Actor actor, DateTimeOffset now) =>
        Execute(actor, CaseTrigger.AcceptAgreement, now, null,
            () => _agreementAcceptances.Add(new AgreementAcceptance(CurrentAgreement!.Number, AgreementPartyOf(actor), actor.UserId, now)),
            CurrentAgreement is { } current ? TransitionDetail.Agreement(current.Number) : null);

    /// <summary>
    /// For a case accepted before agreements existed: draws up version 1 with nothing accepted (the app's upgrade at
    /// start). Returns whether it drew one up.
    /// </summary>
    public bool DrawUpMissingAgreement(AgreementTerms terms, DateTimeOffset now)
    {
        if (CurrentAgreement is not null || State is not (CaseState.Accepted or CaseState.ObjectivesSet or CaseState.InSessions))
        {
            return false;
        }

        DrawUpAgreement(AgreementReason.Initial, terms, now);
        RefreshFacts();
        return true;
    }

    public static AgreementParties AsParties(AgreementParty party) => party switch
    {
        AgreementParty.Beneficiary => AgreementParties.Beneficiary,
        AgreementParty.Intervener => AgreementParties.Intervener,
        _ => AgreementParties.Company,
    };

    private AgreementParty AgreementPartyOf(Actor actor) =>
        IsBeneficiary(actor) ? AgreementParty.Beneficiary : IsAssignedIntervener(actor) ? AgreementParty.Intervener : AgreementParty.Company;

    private Result CheckAgreementAcceptance(Actor actor) =>
        AgreementAwaiting.HasFlag(AsParties(AgreementPartyOf(actor))) ? Result.Success() : CaseErrors.AgreementAlreadyAccepted;

    private Result CheckAgreementInForce() =>
        AgreementInForce ? Result.Success() : CaseErrors.AgreementNotInForce.With(AgreementText.Parties(AgreementAwaiting, Fr), AgreementText.Parties(AgreementAwaiting, En));

    private void DrawUpAgreement(AgreementReason reason, AgreementTerms terms, DateTimeOffset now) =>
        _agreementVersions.Add(new AgreementVersion(_agreementVersions.Count + 1, reason, this, Hours.TotalMinutes, terms, now));

    /// <summary>After a change of the hours, an amendment when the agreement exists and its budget no longer matches.</summary>
    /// <summary>An amendment changes only the hours: it keeps the terms of the version it follows.</summary>
    private void AmendAgreement(AgreementReason reason, DateTimeOffset now)
    {
        if (CurrentAgreement is { } current && current.BudgetMinutes != Hours.TotalMinutes)
        {
            DrawUpAgreement(reason, current.Terms, now);
        }
    }
}
