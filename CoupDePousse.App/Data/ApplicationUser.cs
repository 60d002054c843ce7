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
}
