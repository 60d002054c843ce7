using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace CoupDePousse.App.Data;

/// <summary>
/// A person's private calendar subscription: a random secret in the URL, of which only the SHA-256 is stored, so that the
/// database alone never gives the URL. One per person; a new one replaces the old, a revoked one is deleted (decision 022).
/// </summary>
public sealed class CalendarFeed
{
    public const int TokenBytes = 32;

    /// <summary>SHA-256 as upper-case hex.</summary>
    public const int HashLength = 64;

    private CalendarFeed()
    {
    }

    public Guid Id { get; private set; }

    public string UserId { get; private set; } = "";

    public string TokenHash { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? LastUsedAt { get; private set; }

    /// <summary>The address a feed is served at: the token is the only key to it.</summary>
    public static string PathOf(string token) => $"/calendar/feed/{token}.ics";

    /// <summary>A new feed for the person and its token, to be shown once: only its hash is kept.</summary>
    public static (CalendarFeed Feed, string Token) Issue(string userId, DateTimeOffset now)
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));
        return (new CalendarFeed { Id = Guid.CreateVersion7(), UserId = userId, TokenHash = HashOf(token), CreatedAt = now }, token);
    }

    /// <summary>Replaces the secret: the old URL stops answering as soon as this is saved.</summary>
    public string Renew(DateTimeOffset now)
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));
        TokenHash = HashOf(token);
        CreatedAt = now;
        LastUsedAt = null;
        return token;
    }

    public static string HashOf(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
