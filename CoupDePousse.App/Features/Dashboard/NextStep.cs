using CoupDePousse.App.Features.Cases;
using CoupDePousse.Domain.Cases;

namespace CoupDePousse.App.Features.Dashboard;

/// <summary>What the intervener should do now on a case, read from its state and the actions the domain allows them.</summary>
public static class NextStep
{
    /// <summary>A key of <see cref="DashboardText"/> ("Next.…").</summary>
    public static string ForIntervener(CaseHeader header) => header.State switch
    {
        CaseState.Proposed => "Next.WaitBeneficiaryAgrees",
        CaseState.PreliminaryInterview when Can(header, CaseTrigger.RecordInterview) => "Next.RecordInterview",
        CaseState.PreliminaryInterview when !header.BeneficiaryContinued => "Next.WaitBeneficiaryDecides",
        CaseState.PreliminaryInterview when Can(header, CaseTrigger.RecordVerdict) => "Next.GiveVerdicts",
        CaseState.PreliminaryInterview => "Next.WaitHrVerdicts",
        CaseState.UnderDiscussion when Can(header, CaseTrigger.RuleAccept) => "Next.Rule",
        CaseState.UnderDiscussion => "Next.WaitHrRuling",
        CaseState.Accepted => "Next.DraftObjectives",
        CaseState.ObjectivesSet => "Next.FirstSession",
        CaseState.InSessions when header.Extensions.Any(e => e.Status == ExtensionStatus.Pending) => "Next.WaitExtension",
        CaseState.InSessions when header.Hours.IsNearLimit => "Next.NearLimit",
        CaseState.InSessions => "Next.LogSessions",
        _ => "Next.Ended",
    };

    /// <summary>True when the step is the intervener's own move rather than someone else's.</summary>
    public static bool IsTheirs(string key) => !key.StartsWith("Next.Wait", StringComparison.Ordinal) && key != "Next.Ended";

    private static bool Can(CaseHeader header, CaseTrigger trigger) => header.AvailableActions.Contains(trigger);
}
