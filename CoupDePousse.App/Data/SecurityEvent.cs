namespace CoupDePousse.App.Data;

/// <summary>What happened to an account or to a setting that guards the product.</summary>
public enum SecurityEventKind
{
    SignInSucceeded,
    SignInFailed,
    SignInLockedOut,
    SignInRateLimited,
    SignedOut,
    SessionsRevoked,
    MfaEnabled,
    MfaReset,
    RecoveryCodeRedeemed,
    InvitationIssued,
    InvitationUsed,
    PasswordResetIssued,
    PasswordReset,
    PasswordChanged,
    UserCreated,
    RoleChanged,
    OrganisationChanged,
    AccountDisabled,
    AccountEnabled,
    IntervenerProfileChanged,
    BudgetBoundsChanged,
    SmallGroupThresholdChanged,
    CalendarFeedCreated,
    CalendarFeedRevoked,
    StallingRulesChanged,
    MissedMeetingPolicyChanged,

    /// <summary>HR assigned an intervener despite a known conflict of interest: the relations and HR's reason.</summary>
    ConflictOverridden,

    /// <summary>The admin changed the limits of confidentiality or the code of ethics that new agreements copy.</summary>
    AgreementTermsChanged,

    /// <summary>HR or the admin set the programme's envelope for a year, the company's or a department's.</summary>
    EnvelopeChanged,

    /// <summary>HR confirmed an assignment or an extension that passes an envelope: the trigger, the case and the amounts, never case text.</summary>
    EnvelopeExceededConfirmed,

    /// <summary>A backup of the database was made (scheduled, on demand or from the command line): the file, its size, the time it took.</summary>
    BackupMade,

    /// <summary>A backup could not be made: the reason.</summary>
    BackupFailed,

    /// <summary>The admin set who people write to about their personal data.</summary>
    PrivacyContactChanged,

    /// <summary>The admin changed the retention periods (decision 039).</summary>
    RetentionChanged,

    /// <summary>A person's identity was replaced by a pseudonym: who did it, when, the pseudonym; never the erased data.</summary>
    PersonErased,

    /// <summary>The admin scheduled (or cancelled) the erasure of a disabled account: the date it falls due.</summary>
    ErasureScheduled,

    /// <summary>A person viewed or downloaded their own data ("My data"): the channel, never the content.</summary>
    PersonalDataExported,

    /// <summary>An intervener exported their notes of one case for its beneficiary: the case and how many notes, never the text.</summary>
    NotesExported,
}

/// <summary>
/// One line of the security audit trail: who did what to whom, when, from which value to which. Append-only: the
/// context refuses to update or delete one and the database triggers refuse it too. Never a password, a token or case text.
/// </summary>
public sealed class SecurityEvent
{
    public const int ValueMaxLength = 500;

    private SecurityEvent()
    {
    }

    public SecurityEvent(DateTimeOffset at, SecurityEventKind kind, string? actorUserId, string? subjectUserId, string? oldValue = null, string? newValue = null, string? remoteIp = null)
    {
        At = at;
        Kind = kind;
        ActorUserId = actorUserId;
        SubjectUserId = subjectUserId;
        OldValue = Clip(oldValue);
        NewValue = Clip(newValue);
        RemoteIp = remoteIp;
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public SecurityEventKind Kind { get; private set; }

    /// <summary>Who acted; null for an anonymous attempt.</summary>
    public string? ActorUserId { get; private set; }

    /// <summary>Whose account it concerns, when known.</summary>
    public string? SubjectUserId { get; private set; }

    public string? OldValue { get; private set; }

    public string? NewValue { get; private set; }

    public string? RemoteIp { get; private set; }

    private static string? Clip(string? value) => value is { Length: > ValueMaxLength } ? value[..ValueMaxLength] : value;
}
