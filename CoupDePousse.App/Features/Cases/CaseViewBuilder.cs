using CoupDePousse.Domain.Meetings;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;

namespace CoupDePousse.App.Features.Cases;

/// <summary>What only HR's view needs from outside the case: department, rate, candidates to assign, the admin's budget bounds, whether the intervener is still active.</summary>
internal sealed record CompanyFacts(string? Department, int HourlyRateCents, IReadOnlyList<IntervenerOption> Candidates, BudgetBounds Bounds, bool IntervenerActive, MeetingSummary Meetings);

/// <summary>
/// Builds the read model of one case for one actor from <see cref="CaseVisibility"/>: every part a relation may or may not
/// see is decided by its flag there, so that the domain's "who sees what" is the rule the pages get.
/// </summary>
internal sealed class CaseViewBuilder(Actor actor, CoachingCase c, CaseVisibility visibility, IReadOnlyDictionary<string, string> names)
{
    public ProposerCaseView Proposer() =>
        new(c.Id, Name(c.BeneficiaryId), c.ProposedAt, c.State.ToCoarseStatus(), c.AvailableTriggers(actor),
            visibility.SeesApprovedCompanyText ? c.ApprovedCompanyText : null);

    public EngagementCaseView Engagement() => new(
        c.Id,
        Name(c.BeneficiaryId),
        c.ProposedAt,
        visibility.Relation,
        Header(),
        visibility.SeesSituation ? c.Description : throw new InvalidOperationException("Only the beneficiary and the intervener get the engagement view."),
        ExtensionComments(),
        c.Verdicts.Where(SeesVerdict)
            .Select(v => new VerdictView(v.Criterion, v.Party, v.Validated, v.Party == Party.Company || visibility.SeesIntervenerVerdictComments ? v.Comment : null))
            .ToList(),
        c.CompanyRuling,
        c.IntervenerRuling,
        Objectives(),
        visibility.SeesObjectiveDrafts ? c.ObjectiveDrafts.OrderBy(d => d.Position).Select(d => new ObjectiveInput(d.Statement, d.SuccessMeasure)).ToList() : [],
        visibility.SeesObjectiveHistory ? c.ObjectiveRevisions.OrderBy(r => r.Number).Select(r => new ObjectiveRevisionView(r.Number, r.SetAt, r.Objectives)).ToList() : [],
        c.ObjectivesShared,
        visibility.SeesReferral ? c.Referral : null,
        visibility.SeesClosingSummary ? c.ClosingSummary : null,
        visibility.SeesCompanyTextDraft && c.CompanyTextDraft is not null ? new CompanyTextDraftView(c.CompanyTextDraft, c.CompanyTextStatus) : null,
        visibility.SeesConflictDeclarationStatus
            ? new ConflictDeclarationView(c.ConflictDeclaration, visibility.SeesConflictDescription ? c.ConflictDescription : null)
            : null,
        visibility.SeesScores ? c.Objectives.OrderBy(o => o.Position).Select(o => new ObjectiveScoreView(o.Id, o.StartingScore, o.ClosingScore)).ToList() : [],
        visibility.SeesScores && c.SatisfactionScore is { } satisfaction ? new SatisfactionView(satisfaction, c.SatisfactionComment) : null);

    /// <summary>HR's view has no place for the situation, the intervener's verdict comments, the referral or the closing summary.</summary>
    public CompanyCaseView Company(CompanyFacts facts) => new(
        c.Id,
        Name(c.BeneficiaryId),
        c.ProposedAt,
        facts.Department,
        Header(),
        ExtensionComments(),
        c.Verdicts.Where(v => v.Party == Party.Company && visibility.SeesCompanyVerdicts)
            .Select(v => new VerdictView(v.Criterion, v.Party, v.Validated, v.Comment)).ToList(),
        c.Verdicts.Where(v => v.Party == Party.Intervener && visibility.SeesIntervenerVerdicts)
            .Select(v => new VerdictOutcomeView(v.Criterion, v.Party, v.Validated)).ToList(),
        c.CompanyRuling,
        c.IntervenerRuling,
        visibility.SeesCost ? Money.CostCents(facts.HourlyRateCents, c.Hours.UsedMinutes) : 0,
        c.ObjectivesShared,
        Objectives(),
        facts.Candidates,
        facts.Bounds,
        !facts.IntervenerActive,
        facts.Meetings,
        visibility.SeesApprovedCompanyText ? c.ApprovedCompanyText : null,
        visibility.SeesConflictDeclarationStatus ? c.ConflictDeclaration : ConflictDeclarationStatus.NotDeclared);

    private bool SeesVerdict(CriterionVerdict verdict) =>
        verdict.Party == Party.Company ? visibility.SeesCompanyVerdicts : visibility.SeesIntervenerVerdicts;

    private IReadOnlyList<ExtensionComment> ExtensionComments() => visibility.SeesExtensions && visibility.SeesExtensionComments
        ? c.Extensions.Where(e => e.Comment is not null).OrderBy(e => e.RequestedAt).Select(e => new ExtensionComment(e.Id, e.Comment!)).ToList()
        : [];

    private IReadOnlyList<ObjectiveView> Objectives() => visibility.SeesObjectives
        ? c.Objectives.OrderBy(o => o.Position).Select(o => new ObjectiveView(o.Id, o.Statement, o.SuccessMeasure, o.Rating)).ToList()
        : [];

    private CaseHeader Header()
    {
        if (!visibility.SeesExactState)
        {
            throw new InvalidOperationException("Only the parties involved in a case get its header.");
        }

        return new CaseHeader(
            c.Version,
            c.State,
            visibility.SeesOutcome ? c.Outcome : null,
            c.StateEnteredAt,
            Name(c.ProposedById),
            visibility.SeesCompanyRequest ? c.Domains : [],
            visibility.SeesCompanyRequest ? c.TopicCodes : [],
            visibility.SeesCompanyRequest ? c.WorkImpact : "",
            visibility.SeesCompanyRequest ? c.WishedTiming : "",
            c.IntervenerId is null ? null : Name(c.IntervenerId),
            c.Interview,
            c.BeneficiaryContinued,
            visibility.SeesHours ? c.Hours : new HoursBudget(0, 0, 0),
            visibility.SeesSessions ? c.Sessions.OrderBy(s => s.Date).Select(s => new SessionView(s.Id, s.Date, s.DurationMinutes, s.Mode, s.Missed)).ToList() : [],
            visibility.SeesExtensions ? c.Extensions.OrderBy(e => e.RequestedAt).Select(e => new ExtensionView(e.Id, e.Minutes, e.Category, e.Status, e.RequestedAt)).ToList() : [],
            visibility.SeesHistory
                ? c.History.Where(h => visibility.SeesConflictDeclarationStatus || !h.Trigger.IsAboutConflictDeclaration())
                    .OrderBy(h => h.At).ThenBy(h => h.Id)
                    .Select(h => new HistoryEntry(h.At, Name(h.UserId), h.Role, h.From, h.To, h.Trigger, h.Detail)).ToList()
                : [],
            visibility.SeesCancellationReason ? c.CancellationReason : null,
            c.AvailableTriggers(actor),
            c.Progress);
    }

    private string Name(string userId) => names.GetValueOrDefault(userId, "?");
}
