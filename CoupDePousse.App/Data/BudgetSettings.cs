using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Meetings;

namespace CoupDePousse.App.Data;

/// <summary>The single row of programme settings the admin sets (budget bounds, small-group threshold); absent means the defaults.</summary>
public sealed class BudgetSettings
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public int MinimumMinutes { get; set; } = BudgetBounds.Default.MinimumMinutes;

    public int MaximumMinutes { get; set; } = BudgetBounds.Default.MaximumMinutes;

    public int SmallGroupThreshold { get; set; } = Domain.Common.SmallGroupThreshold.Default;

    /// <summary>Whether a beneficiary's late cancellation or no-show uses up the session's planned time (default no).</summary>
    public bool MissedMeetingConsumesBudget { get; set; } = MissedMeetingPolicy.Default.ConsumesBudget;

    public int StalledProposedDays { get; set; } = StallingRules.Default.ProposedDays;

    public int StalledPreliminaryInterviewDays { get; set; } = StallingRules.Default.PreliminaryInterviewDays;

    public int StalledUnderDiscussionDays { get; set; } = StallingRules.Default.UnderDiscussionDays;

    public int StalledAcceptedDays { get; set; } = StallingRules.Default.AcceptedDays;

    public int StalledObjectivesSetDays { get; set; } = StallingRules.Default.ObjectivesSetDays;

    public int StalledInSessionsDays { get; set; } = StallingRules.Default.InSessionsDays;

    public int NudgeDays { get; set; } = StallingRules.Default.NudgeDays;

    /// <summary>The limits of confidentiality and the code of ethics every new agreement copies; null means the defaults.</summary>
    public string? ConfidentialityExceptionsFrench { get; set; }

    public string? ConfidentialityExceptionsEnglish { get; set; }

    public string? CodeOfEthics { get; set; }

    /// <summary>Who people write to about their personal data (the DPO), printed in the privacy notice; null means the administrator.</summary>
    public string? PrivacyContact { get; set; }

    /// <summary>The stored terms, or the defaults where none (or an invalid one) is stored.</summary>
    public AgreementTerms ToAgreementTerms() =>
        AgreementTerms.Create(ConfidentialityExceptionsFrench, ConfidentialityExceptionsEnglish, CodeOfEthics) is { IsSuccess: true } terms ? terms.Value : AgreementTerms.Default;

    public void Apply(AgreementTerms terms)
    {
        ConfidentialityExceptionsFrench = terms.ConfidentialityExceptionsFrench;
        ConfidentialityExceptionsEnglish = terms.ConfidentialityExceptionsEnglish;
        CodeOfEthics = terms.CodeOfEthics;
    }

    public MissedMeetingPolicy ToMissedMeetingPolicy() => new(MissedMeetingConsumesBudget);

    /// <summary>Stored delays outside the domain's range (edited by hand) fall back to the defaults.</summary>
    public StallingRules ToStallingRules() =>
        StallingRules.Create(StalledProposedDays, StalledPreliminaryInterviewDays, StalledUnderDiscussionDays, StalledAcceptedDays,
            StalledObjectivesSetDays, StalledInSessionsDays, NudgeDays) is { IsSuccess: true } rules ? rules.Value : StallingRules.Default;

    public void Apply(StallingRules rules)
    {
        StalledProposedDays = rules.ProposedDays;
        StalledPreliminaryInterviewDays = rules.PreliminaryInterviewDays;
        StalledUnderDiscussionDays = rules.UnderDiscussionDays;
        StalledAcceptedDays = rules.AcceptedDays;
        StalledObjectivesSetDays = rules.ObjectivesSetDays;
        StalledInSessionsDays = rules.InSessionsDays;
        NudgeDays = rules.NudgeDays;
    }

    public BudgetBounds ToBounds() => new(MinimumMinutes, MaximumMinutes);

    /// <summary>A stored value outside the domain's range (edited by hand) falls back to the default, so never under the floor.</summary>
    public SmallGroupThreshold ToThreshold() =>
        Domain.Common.SmallGroupThreshold.Create(SmallGroupThreshold) is { IsSuccess: true } threshold ? threshold.Value : Domain.Common.SmallGroupThreshold.Standard;
}
