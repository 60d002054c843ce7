namespace CoupDePousse.App.Data;

/// <summary>
/// A signed-in session kept on the server: the cookie holds only its key, so that signing out, a disabled account or
/// "sign out everywhere" ends it for good, and its absolute and idle limits are checked here.
/// </summary>
public sealed class UserSession
{
    public required string Id { get; init; }

    public required string UserId { get; init; }

    /// <summary>The serialized, data-protected authentication ticket.</summary>
    public required byte[] Ticket { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset LastSeenAt { get; set; }

    /// <summary>The absolute end of the session, whatever the activity.</summary>
    public required DateTimeOffset ExpiresAt { get; set; }
}
