namespace CoupDePousse.Domain.Cases;

/// <summary>The longest text a person may write in each field: the domain checks them, the database columns and the forms read them.</summary>
public static class TextLimits
{
    public const int Description = 4000;
    public const int WorkImpact = 1000;
    public const int WishedTiming = 200;
    public const int VerdictComment = 1000;
    public const int ReferralNote = 1000;
    public const int ObjectiveText = 500;
    public const int ExtensionComment = 1000;
    public const int SessionNote = 10_000;
    public const int JournalEntry = 10_000;

    /// <summary>A library resource: a title, a short text and a link, in each language (decision 028).</summary>
    public const int ResourceTitle = 150;
    public const int ResourceSummary = 1000;
    public const int ResourceLink = 500;

    /// <summary>One thing to do between two sessions.</summary>
    public const int ActionItem = 500;
    public const int ClosingSummary = 4000;

    /// <summary>What may reach the company of a closed case: short on purpose.</summary>
    public const int CompanyText = 1000;

    /// <summary>The beneficiary's word for the intervener with their satisfaction answer.</summary>
    public const int SatisfactionComment = 1000;
    public const int CancellationReason = 500;
    public const int ConflictOverrideReason = 500;

    /// <summary>The conflict of interest as the intervener describes it, for themself alone.</summary>
    public const int ConflictDescription = 1000;

    /// <summary>Where an on-site meeting takes place, and a video meeting's link.</summary>
    public const int MeetingPlace = 200;
    public const int MeetingLink = 500;

    /// <summary>A person's name as shown everywhere, and their department.</summary>
    public const int DisplayName = 100;
    public const int Department = 100;

    /// <summary>An e-mail address: the longest a mailbox may be (RFC 5321 path limit).</summary>
    public const int Email = 254;

    /// <summary>What a person types in a search or filter box.</summary>
    public const int Search = 100;

    /// <summary>A password: long enough for any passphrase, short enough that hashing it costs nothing unusual.</summary>
    public const int Password = 128;

    /// <summary>A one-time code (authenticator or recovery code), with room for spaces and dashes.</summary>
    public const int OneTimeCode = 32;

    /// <summary>
    /// The longest of every field limit: the circuit's largest message is sized from it (decision 044).
    /// A test holds that no limit of the domain is larger.
    /// </summary>
    public const int Largest = SessionNote;
}
