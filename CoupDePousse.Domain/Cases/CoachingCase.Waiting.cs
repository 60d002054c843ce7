using CoupDePousse.Domain.Catalogue;

namespace CoupDePousse.Domain.Cases;

public sealed partial class CoachingCase
{
    /// <summary>
    /// The revision of the rules behind the stored facts below. Raise it when <see cref="CaseProgress"/> or
    /// <see cref="HoursBudget"/> change meaning: cases stored under an older revision are refreshed by the app at start.
    /// </summary>
    public const int CurrentFactsRevision = 2;

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
        && ScoreChange == MeasuredChange();

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
        FactsRevision = CurrentFactsRevision;
        return true;
    }

    private int MeasuredChange() => _objectives.Where(o => o.IsMeasured).Sum(o => o.ClosingScore!.Value - o.StartingScore!.Value);
}
