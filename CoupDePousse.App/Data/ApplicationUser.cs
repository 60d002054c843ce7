using Microsoft.AspNetCore.Identity;

namespace CoupDePousse.App.Data;

public class ApplicationUser : IdentityUser
{
    [PersonalData]
    public required string DisplayName { get; set; }

    [PersonalData]
    public string? Department { get; set; }

    /// <summary>The user id of this person's manager: who manages whom.</summary>
    public string? ManagerId { get; set; }

    /// <summary>Set while the administrator has disabled the account: it cannot sign in and its sessions end.</summary>
    public DateTimeOffset? DisabledAt { get; set; }

    /// <summary>The IANA time zone the person reads times in (their agenda, mails); null means Europe/Paris.</summary>
    public string? TimeZoneId { get; set; }

    /// <summary>The language the person last chose ("fr" or "en"), for what reaches them outside the app (mail); null means French.</summary>
    public string? Language { get; set; }

    /// <summary>When the daily retention run erases this disabled account (someone who left); null: not scheduled (decision 039).</summary>
    public DateTimeOffset? ErasureDueAt { get; set; }

    /// <summary>When the person's identity was replaced by a pseudonym; the account stays as a disabled shell for the figures.</summary>
    public DateTimeOffset? ErasedAt { get; set; }
}
