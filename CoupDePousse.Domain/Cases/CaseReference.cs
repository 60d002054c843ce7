namespace CoupDePousse.Domain.Cases;

/// <summary>
/// A short neutral reference for a case on papers that leave the app (an intervener's statement, their invoice):
/// it names neither the person nor the request. The last eight hex digits of the id are its random part (a version 7
/// id starts with the time, shared by cases created the same day), so two cases of one intervener do not share it.
/// </summary>
public static class CaseReference
{
    public const string Prefix = "CP-";

    public static string Of(Guid caseId) => Prefix + caseId.ToString("N")[^8..].ToUpperInvariant();
}
