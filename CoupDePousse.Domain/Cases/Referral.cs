namespace CoupDePousse.Domain.Cases;

/// <summary>Where a structural or therapeutic request is sent instead of being treated.</summary>
public enum ReferralKind
{
    OccupationalHealth,
    EmployeeAssistance,
    MedicalOrPsychologicalCare,
    Other,
}

public sealed record Referral(ReferralKind Kind, string Note);
