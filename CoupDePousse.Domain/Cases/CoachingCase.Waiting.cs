namespace CoupDePousse.Domain.Cases;

public sealed partial class CoachingCase
{
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
        Hours.IsNearLimit);
}
