namespace CoupDePousse.Domain.Privacy;

/// <summary>
/// How long each kind of personal data is kept unless the admin sets otherwise: the one place the privacy notice, the
/// record of processing (docs/privacy.md) and the retention job read the defaults from.
/// </summary>
public static class RetentionDefaults
{
    /// <summary>The intervener's session notes are destroyed this many months after the case is closed (or ended otherwise).</summary>
    public const int SessionNotesMonthsAfterClosing = 6;

    /// <summary>A closed case is anonymised this many years after it ended, keeping only what statistics need.</summary>
    public const int ClosedCaseYearsBeforeAnonymisation = 2;

    /// <summary>Security audit events (sign-ins, settings changed, accounts changed) are kept this many years.</summary>
    public const int SecurityEventYears = 1;

    /// <summary>An invitation nobody used is deleted this many days after it expired: at expiry.</summary>
    public const int UnusedInvitationDaysAfterExpiry = 0;
}
