using CoupDePousse.Domain.Common;

namespace CoupDePousse.Domain.Cases;

public enum CompanyTextStatus
{
    None,
    AwaitingApproval,
    Approved,
}

public sealed partial class CoachingCase
{
    /// <summary>The intervener or the beneficiary writes the text meant for the company; any edit withdraws a previous approval.</summary>
    public Result DraftCompanyText(Actor actor, string text, DateTimeOffset now) =>
        Execute(actor, CaseTrigger.DraftCompanyText, now, () => RequireText(text, CaseErrors.CompanyTextRequired, TextLimits.CompanyText), () =>
        {
            CompanyTextDraft = text.Trim();
            ApprovedCompanyText = null;
        });

    /// <summary>The beneficiary approves the exact current draft: from now on the company reads these words, and only these.</summary>
    public Result ApproveCompanyText(Actor actor, DateTimeOffset now) =>
        Execute(actor, CaseTrigger.ApproveCompanyText, now, null, () => ApprovedCompanyText = CompanyTextDraft);

    /// <summary>The beneficiary takes their approval back: the company reads nothing again; the draft stays.</summary>
    public Result WithdrawCompanyTextApproval(Actor actor, DateTimeOffset now) =>
        Execute(actor, CaseTrigger.WithdrawCompanyTextApproval, now, null, () => ApprovedCompanyText = null);
}
