namespace CoupDePousse.App.Security;

/// <summary>How long a signed-in session lives (configuration section <c>Security:Sessions</c>).</summary>
public sealed class UserSessionOptions
{
    public const string Section = "Security:Sessions";

    /// <summary>The end of a session counted from sign-in, whatever the activity.</summary>
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>A session without a request or a click in its circuit for this long ends.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often a live circuit and the cookie re-read the account and the session from the database.</summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Activity closer than this to the last recorded one is not written again: one write per minute at most.</summary>
    public TimeSpan LastSeenResolution => IdleTimeout / 10 < TimeSpan.FromMinutes(1) ? IdleTimeout / 10 : TimeSpan.FromMinutes(1);
}
