using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Domain.Common;
using Stateless;

namespace CoupDePousse.Domain.Cases;

/// <summary>
/// One coup de pousse for one beneficiary. Its lifecycle is a Stateless machine over the persisted
/// <see cref="State"/>; every operation takes the actor, checks role and relation, then the machine,
/// then the input, and only then changes anything.
/// </summary>
public sealed partial class CoachingCase
{
    private readonly List<CriterionVerdict> _verdicts = [];
    private readonly List<Objective> _objectives = [];
    private readonly List<ObjectiveDraft> _objectiveDrafts = [];
    private readonly List<ObjectiveRevision> _objectiveRevisions = [];
    private readonly List<CoachingSession> _sessions = [];
    private readonly List<BudgetExtension> _extensions = [];
    private readonly List<TransitionRecord> _history = [];
    private StateMachine<CaseState, CaseTrigger>? _machine;

    private CoachingCase()
    {
    }

    public Guid Id { get; private set; }

    public CaseState State { get; private set; }

    public CaseOutcome? Outcome { get; private set; }

    /// <summary>Concurrency token: bumped by every accepted operation, checked by the database on save.</summary>
    public int Version { get; private set; }

    public string BeneficiaryId { get; private set; } = "";

    public string ProposedById { get; private set; } = "";

    public Role ProposedByRole { get; private set; }

    public DateTimeOffset ProposedAt { get; private set; }

    public DateTimeOffset StateEnteredAt { get; private set; }

    public List<CoachingDomain> Domains { get; private set; } = [];

    public List<string> TopicCodes { get; private set; } = [];

    /// <summary>The situation in the person's own words: confidential, read as <see cref="CaseVisibility.SeesSituation"/> says.</summary>
    public string Description { get; private set; } = "";

    /// <summary>The impact on the work (criterion 2): the company may read it. Empty for cases proposed before it was asked.</summary>
    public string WorkImpact { get; private set; } = "";

    public string WishedTiming { get; private set; } = "";

    public string? IntervenerId { get; private set; }

    public PreliminaryInterviewRecord? Interview { get; private set; }

    public bool BeneficiaryContinued { get; private set; }

    /// <summary>Rulings while under discussion: null until the party rules.</summary>
    public bool? CompanyRuling { get; private set; }

    public bool? IntervenerRuling { get; private set; }

    public Referral? Referral { get; private set; }

    public int BudgetMinutes { get; private set; }

    public bool ObjectivesShared { get; private set; }

    public string? ClosingSummary { get; private set; }

    /// <summary>The text meant for the company as last written by the intervener or the beneficiary; never read by the company.</summary>
    public string? CompanyTextDraft { get; private set; }

    /// <summary>The exact text the beneficiary approved: the only one the company reads; cleared by any edit or a withdrawal.</summary>
    public string? ApprovedCompanyText { get; private set; }

    public CompanyTextStatus CompanyTextStatus =>
        CompanyTextDraft is null ? CompanyTextStatus.None
        : ApprovedCompanyText is not null ? CompanyTextStatus.Approved
        : CompanyTextStatus.AwaitingApproval;

    /// <summary>Why HR cancelled, as HR wrote it; read as <see cref="CaseVisibility.SeesCancellationReason"/> says.</summary>
    public string? CancellationReason { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public IReadOnlyList<CriterionVerdict> Verdicts => _verdicts;

    public IReadOnlyList<Objective> Objectives => _objectives;

    public IReadOnlyList<ObjectiveDraft> ObjectiveDrafts => _objectiveDrafts;

    public IReadOnlyList<ObjectiveRevision> ObjectiveRevisions => _objectiveRevisions;

    public IReadOnlyList<CoachingSession> Sessions => _sessions;

    public IReadOnlyList<BudgetExtension> Extensions => _extensions;

    public IReadOnlyList<TransitionRecord> History => _history;

    public HoursBudget Hours => HoursBudget.Of(BudgetMinutes, _extensions, _sessions);

    public BudgetExtension? PendingExtension => _extensions.FirstOrDefault(e => e.Status == ExtensionStatus.Pending);

    public bool IsBeneficiary(Actor actor) => actor.UserId == BeneficiaryId;

    public bool IsAssignedIntervener(Actor actor) => actor.Role == Role.Intervener && actor.UserId == IntervenerId;

    public bool IsProposer(Actor actor) => actor.UserId == ProposedById;

    /// <summary>Proposes a case: a manager for their team, HR for anyone, an employee for themself.</summary>
    public static Result<CoachingCase> Propose(Actor proposer, BeneficiaryRef beneficiary, CaseProposal proposal, BudgetBounds bounds, DateTimeOffset now)
    {
        var allowed = Proposing.CheckProposer(proposer, beneficiary, proposal.OfferChecklistConfirmed);
        if (allowed.IsFailure)
        {
            return allowed.Error!;
        }

        var valid = Validate(proposal);
        if (valid.IsFailure)
        {
            return valid.Error!;
        }

        if (beneficiary.Role is not { } role || !role.IsEmployee())
        {
            return CaseErrors.NotAnEmployee;
        }

        var coachingCase = new CoachingCase
        {
            Id = Guid.CreateVersion7(),
            State = CaseState.Proposed,
            BeneficiaryId = beneficiary.UserId,
            ProposedById = proposer.UserId,
            ProposedByRole = proposer.Role,
            ProposedAt = now,
            StateEnteredAt = now,
            Domains = proposal.Domains.Distinct().Order().ToList(),
            TopicCodes = proposal.TopicCodes.Distinct().ToList(),
            Description = proposal.Description.Trim(),
            WorkImpact = proposal.WorkImpact.Trim(),
            WishedTiming = proposal.WishedTiming.Trim(),
            BudgetMinutes = bounds.DefaultBudget,
            Department = beneficiary.Department,
        };
        coachingCase._history.Add(new TransitionRecord(now, proposer.UserId, proposer.Role, CaseState.Proposed, CaseState.Proposed, CaseTrigger.Propose, TransitionDetail.None));
        coachingCase.RefreshFacts();
        return coachingCase;
    }

    private static Result Validate(CaseProposal proposal)
    {
        if (proposal.Domains.Count == 0)
        {
            return CaseErrors.DomainRequired;
        }

        if (!proposal.Domains.All(Enum.IsDefined))
        {
            return CaseErrors.UnknownDomain;
        }

        foreach (var code in proposal.TopicCodes)
        {
            var topic = CoachingCatalogue.FindTopic(code);
            if (topic is null)
            {
                return CaseErrors.UnknownTopic;
            }

            if (!proposal.Domains.Contains(topic.Domain))
            {
                return CaseErrors.TopicOutsideDomains;
            }
        }

        Result[] texts =
        [
            RequireText(proposal.Description, CaseErrors.DescriptionRequired, TextLimits.Description),
            RequireText(proposal.WorkImpact, CaseErrors.WorkImpactRequired, TextLimits.WorkImpact),
            RequireText(proposal.WishedTiming, CaseErrors.TimingRequired, TextLimits.WishedTiming),
        ];
        return texts.FirstOrDefault(t => t.IsFailure) ?? Result.Success();
    }

    private static Result OptionalText(string? text, int maxLength) =>
        text is not null && Text.HasControlCharacter(text) ? TextErrors.ControlCharacter
        : text is not null && text.Trim().Length > maxLength ? CaseErrors.TextTooLong.With(maxLength) : Result.Success();

    private static Result RequireText(string? text, Error whenEmpty, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return whenEmpty;
        }

        if (Text.HasControlCharacter(text))
        {
            return TextErrors.ControlCharacter;
        }

        return text.Trim().Length > maxLength ? CaseErrors.TextTooLong.With(maxLength) : Result.Success();
    }
}
