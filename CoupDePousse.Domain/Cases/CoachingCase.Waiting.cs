using CoupDePousse.Domain.Catalogue;

namespace CoupDePousse.Domain.Cases;

public sealed partial class CoachingCase
{
    /// <summary>
    /// The revision of the rules behind the stored facts below. Raise it when <see cref="CaseProgress"/> or
    /// <see cref="HoursBudget"/> change meaning: cases stored under an older revision are refreshed by the app at start.
    /// </summary>
    public const int CurrentFactsRevision = 3;

    /// <summary>The facts that say whose move it is and what comes next.</summary>
    public CaseProgress Progress => new(
        State,
        IntervenerId is not null,
        Interview is not null,
        BeneficiaryContinued,
        _verdicts.Count(v => v.Party == Party.Company),
        _verdicts.Count(v => v.Party == Party.Intervener),
        CompanyRuling,
        IntervenerRuling,
        PendingExtension is not null,
        Hours.IsNearLimit,
        ConflictDeclaration,
        AgreementAwaiting);

    /// <summary>Who the case waits on, as <see cref="Progress"/> says it, kept so that lists and figures can filter and count on it.</summary>
    public WaitingParty? WaitingOn { get; private set; }

    /// <summary>Who the three-way agreement still waits on, as <see cref="CoachingCase.AgreementAwaiting"/> says, kept for lists.</summary>
    public AgreementParties AgreementAwaitingParties { get; private set; }

    /// <summary>Minutes logged in sessions, as <see cref="Hours"/> counts them, kept for lists and figures.</summary>
    public int UsedMinutes { get; private set; }

    /// <summary>Minutes of approved extensions, as <see cref="Hours"/> counts them, kept for lists and figures.</summary>
    public int ApprovedExtensionMinutes { get; private set; }

    /// <summary>The case's domains as one set of <see cref="CoachingDomains.Flag"/> bits, so that a filter on a domain is a comparison.</summary>
    public int DomainFlags { get; private set; }

    /// <summary>The beneficiary's department, which the figures group by; it follows the person when they move.</summary>
    public string? Department { get; private set; }

    /// <summary>How many objectives have both a starting and a closing score, kept so that HR's figures can average them without reading any case.</summary>
    public int MeasuredObjectives { get; private set; }

    /// <summary>The sum, over the measured objectives, of closing score minus starting score; with <see cref="MeasuredObjectives"/> it makes the average change.</summary>
    public int ScoreChange { get; private set; }

    /// <summary>The interview's date, kept beside the report's other facts so that its index covers it (decision 033).</summary>
    public DateOnly? InterviewedOn { get; private set; }

    /// <summary>The date of the first session held (not missed), kept for the report's delay to the first session (decision 033).</summary>
    public DateOnly? FirstSessionDate { get; private set; }

    /// <summary>How many extensions were requested, whatever became of them, kept for the report.</summary>
    public int ExtensionsRequested { get; private set; }

    /// <summary>How many extensions were approved, kept for the report.</summary>
    public int ExtensionsApproved { get; private set; }

    /// <summary>How many objectives the person rated at the close, kept for the report's objectives table.</summary>
    public int RatedObjectives { get; private set; }

    /// <summary>How many rated objectives were reached.</summary>
    public int ReachedObjectives { get; private set; }

    /// <summary>How many rated objectives were not reached.</summary>
    public int NotReachedObjectives { get; private set; }

    /// <summary>The <see cref="CurrentFactsRevision"/> the stored facts were computed under.</summary>
    public int FactsRevision { get; private set; }

    /// <summary>True when every stored fact is what the aggregate derives now.</summary>
    public bool FactsAreCurrent =>
        FactsRevision == CurrentFactsRevision
        && WaitingOn == Progress.WaitingOn
        && AgreementAwaitingParties == AgreementAwaiting
        && UsedMinutes == Hours.UsedMinutes
        && ApprovedExtensionMinutes == Hours.ApprovedExtensionMinutes
        && DomainFlags == CoachingDomains.FlagsOf(Domains)
        && MeasuredObjectives == _objectives.Count(o => o.IsMeasured)
        && ScoreChange == MeasuredChange()
        && InterviewedOn == Interview?.Date
        && FirstSessionDate == FirstSessionHeld()
        && ExtensionsRequested == _extensions.Count
        && ExtensionsApproved == _extensions.Count(e => e.Status == ExtensionStatus.Approved)
        && RatedObjectives == _objectives.Count(o => o.Rating is not null)
        && ReachedObjectives == _objectives.Count(o => o.Rating == ObjectiveRating.Reached)
        && NotReachedObjectives == _objectives.Count(o => o.Rating == ObjectiveRating.NotReached);

    /// <summary>Recomputes the stored facts from the aggregate; every accepted operation ends with it. Returns whether anything changed.</summary>
    public bool RefreshFacts()
    {
        if (FactsAreCurrent)
        {
            return false;
        }

        var hours = Hours;
        WaitingOn = Progress.WaitingOn;
        AgreementAwaitingParties = AgreementAwaiting;
        UsedMinutes = hours.UsedMinutes;
        ApprovedExtensionMinutes = hours.ApprovedExtensionMinutes;
        DomainFlags = CoachingDomains.FlagsOf(Domains);
        MeasuredObjectives = _objectives.Count(o => o.IsMeasured);
        ScoreChange = MeasuredChange();
        InterviewedOn = Interview?.Date;
        FirstSessionDate = FirstSessionHeld();
        ExtensionsRequested = _extensions.Count;
        ExtensionsApproved = _extensions.Count(e => e.Status == ExtensionStatus.Approved);
        RatedObjectives = _objectives.Count(o => o.Rating is not null);
        ReachedObjectives = _objectives.Count(o => o.Rating == ObjectiveRating.Reached);
        NotReachedObjectives = _objectives.Count(o => o.Rating == ObjectiveRating.NotReached);
        FactsRevision = CurrentFactsRevision;
        return true;
    }

    private DateOnly? FirstSessionHeld() => _sessions.Where(s => !s.Missed).Select(s => (DateOnly?)s.Date).Min();

    private int MeasuredChange() => _objectives.Where(o => o.IsMeasured).Sum(o => o.ClosingScore!.Value - o.StartingScore!.Value);
}
