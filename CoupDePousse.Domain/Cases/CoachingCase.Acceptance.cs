using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Interveners;

namespace CoupDePousse.Domain.Cases;

public sealed partial class CoachingCase
{
    public const int MaxInterviewMinutes = 3 * 60;

    /// <summary>The interview's duration as every layer checks it: quarters of an hour, up to the maximum.</summary>
    public static NumberRule InterviewDurationRule { get; } = NumberRule.Minutes(MaxInterviewMinutes);

    /// <summary>No meeting of this application can have been held before it; an earlier date is a typing slip or a forged request.</summary>
    public static readonly DateOnly EarliestMeetingDate = new(2000, 1, 1);

    /// <summary>
    /// HR assigns (or, before the interview, reassigns) an intervener who fits and has room. The beneficiary's
    /// current manager comes from the app: an intervener is never the person's own manager. A known conflict of
    /// interest needs HR's override with a reason (kept in the security audit, not on the case).
    /// </summary>
    public Result AssignIntervener(Actor actor, IntervenerCandidate candidate, string? beneficiaryManagerId, DateTimeOffset now, string? conflictOverrideReason = null) =>
        Execute(actor, CaseTrigger.AssignIntervener, now,
            () => candidate.Profile.UserId == IntervenerId ? CaseErrors.AlreadyAssigned
                : candidate.Fits(Domains, new BeneficiaryRef(BeneficiaryId, beneficiaryManagerId)) is { IsFailure: true } unfit ? unfit
                : candidate.KnownConflicts.Count > 0 ? RequireText(conflictOverrideReason, CaseErrors.ConflictOverrideReasonRequired, TextLimits.ConflictOverrideReason)
                : Result.Success(),
            () =>
            {
                IntervenerId = candidate.Profile.UserId;
                ResetConflictDeclaration();
            });

    /// <summary>The beneficiary accepts to meet the intervener: free, no commitment.</summary>
    public Result AgreeToMeet(Actor actor, DateTimeOffset now) =>
        Execute(actor, CaseTrigger.AgreeToMeet, now, null, () => { });

    /// <summary>The beneficiary declines the offer. No reason is asked, none is kept.</summary>
    public Result Decline(Actor actor, DateTimeOffset now) =>
        Execute(actor, CaseTrigger.Decline, now, null, () => End(CaseOutcome.DeclinedByBeneficiary, now));

    /// <summary>A manager takes back their own proposal before anything has happened.</summary>
    public Result Withdraw(Actor actor, DateTimeOffset now) =>
        Execute(actor, CaseTrigger.Withdraw, now, null, () => End(CaseOutcome.Cancelled, now));

    /// <summary>HR withdraws the case before acceptance.</summary>
    public Result Cancel(Actor actor, string? reason, DateTimeOffset now) =>
        Execute(actor, CaseTrigger.Cancel, now,
            () => OptionalText(reason, TextLimits.CancellationReason),
            () =>
            {
                CancellationReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
                End(CaseOutcome.Cancelled, now);
            });

    /// <summary>The intervener records the preliminary interview as held, once their conflict declaration is settled. Its time is never counted.</summary>
    public Result RecordInterview(Actor actor, DateOnly date, int durationMinutes, DateTimeOffset now) =>
        Execute(actor, CaseTrigger.RecordInterview, now,
            () => CheckMeeting(date, durationMinutes, MaxInterviewMinutes, now),
            () => Interview = new PreliminaryInterviewRecord(date, durationMinutes));

    /// <summary>After the interview, the beneficiary continues: acceptance then depends on the criteria.</summary>
    public Result Continue(Actor actor, DateTimeOffset now) =>
        Execute(actor, CaseTrigger.Continue, now, null, () => BeneficiaryContinued = true);

    /// <summary>
    /// The beneficiary stops, at any time before the end, no questions asked.
    /// The outcome follows how far the case had gone.
    /// </summary>
    public Result Stop(Actor actor, DateTimeOffset now)
    {
        var outcome = State switch
        {
            CaseState.Proposed => CaseOutcome.DeclinedByBeneficiary,
            CaseState.PreliminaryInterview when Interview is null => CaseOutcome.DeclinedByBeneficiary,
            CaseState.PreliminaryInterview or CaseState.UnderDiscussion => CaseOutcome.StoppedAfterInterview,
            _ => CaseOutcome.InterruptedByBeneficiary,
        };
        return Execute(actor, CaseTrigger.Stop, now, null, () => End(outcome, now));
    }

    /// <summary>HR records the company's verdict, the intervener theirs, each only on criteria it owns.</summary>
    public Result RecordVerdict(Actor actor, AcceptanceCriterion criterion, bool validated, string? comment, DateTimeOffset now, AgreementTerms? agreementTerms = null)
    {
        var party = PartyOf(actor);
        return Execute(actor, CaseTrigger.RecordVerdict, now,
            () => !Enum.IsDefined(criterion) ? CaseErrors.UnknownChoice
                : !criterion.IsOwnedBy(party) ? CaseErrors.NotCriterionOwner
                : OptionalText(comment, TextLimits.VerdictComment),
            () =>
            {
                var existing = _verdicts.FirstOrDefault(v => v.Criterion == criterion && v.Party == party);
                if (existing is null)
                {
                    _verdicts.Add(new CriterionVerdict(criterion, party, validated, comment, actor.UserId, now));
                }
                else
                {
                    existing.Update(validated, comment, actor.UserId, now);
                }
            },
            TransitionDetail.Verdict(criterion, validated),
            agreementTerms);
    }

    public CriterionVerdict? VerdictOf(AcceptanceCriterion criterion, Party party) =>
        _verdicts.FirstOrDefault(v => v.Criterion == criterion && v.Party == party);

    private bool AllCriteriaValidated() =>
        AcceptanceCriteria.RequiredVerdicts.All(r => VerdictOf(r.Criterion, r.Party)?.Validated == true);

    private bool AnyCriterionRefused() => _verdicts.Any(v => !v.Validated);

    /// <summary>Under discussion, HR and the intervener each rule to accept; both must.</summary>
    public Result RuleAccept(Actor actor, DateTimeOffset now, AgreementTerms? agreementTerms = null) =>
        Execute(actor, CaseTrigger.RuleAccept, now, null, () => SetRuling(PartyOf(actor), true), null, agreementTerms);

    /// <summary>Under discussion, one party ruling to decline is enough to decline.</summary>
    public Result RuleDecline(Actor actor, DateTimeOffset now) =>
        Execute(actor, CaseTrigger.RuleDecline, now, null, () =>
        {
            SetRuling(PartyOf(actor), false);
            End(CaseOutcome.RefusedAfterDiscussion, now);
        });

    private void SetRuling(Party party, bool accept)
    {
        if (party == Party.Company)
        {
            CompanyRuling = accept;
        }
        else
        {
            IntervenerRuling = accept;
        }
    }

    /// <summary>A structural or therapeutic request is not treated: it is referred elsewhere, and ends.</summary>
    public Result Exclude(Actor actor, Referral referral, DateTimeOffset now) =>
        Execute(actor, CaseTrigger.Exclude, now,
            () => !Enum.IsDefined(referral.Kind) ? CaseErrors.UnknownChoice : RequireText(referral.Note, CaseErrors.ReferralNoteRequired, TextLimits.ReferralNote),
            () =>
            {
                Referral = referral with { Note = referral.Note.Trim() };
                End(CaseOutcome.ExcludedWithReferral, now);
            });

    /// <summary>HR sets the hours budget within the admin's bounds, before sessions start; once the agreement exists, a new budget amends it.</summary>
    public Result SetBudget(Actor actor, int minutes, BudgetBounds bounds, DateTimeOffset now) =>
        Execute(actor, CaseTrigger.SetBudget, now,
            () => bounds.BudgetRule.Allows(minutes) ? Result.Success()
                : CaseErrors.BudgetOutOfBounds.With(Durations.Format(bounds.MinimumMinutes), Durations.Format(bounds.MaximumMinutes)),
            () =>
            {
                BudgetMinutes = minutes;
                AmendAgreement(AgreementReason.BudgetChange, now);
            },
            TransitionDetail.Duration(minutes));

    // Dates are read in the actor's own calendar (the offset of "now"), so "today" is never refused at night.
    private Result CheckMeeting(DateOnly date, int durationMinutes, int maxMinutes, DateTimeOffset now)
    {
        if (!NumberRule.Minutes(maxMinutes).Allows(durationMinutes))
        {
            return CaseErrors.InvalidDuration.With(Durations.Format(maxMinutes));
        }

        if (date < EarliestMeetingDate)
        {
            return CaseErrors.DateTooEarly.With(EarliestMeetingDate.Year);
        }

        if (date > DateOnly.FromDateTime(now.DateTime))
        {
            return CaseErrors.DateInFuture;
        }

        return date < DateOnly.FromDateTime(ProposedAt.ToOffset(now.Offset).DateTime) ? CaseErrors.DateBeforeProposal : Result.Success();
    }
}
