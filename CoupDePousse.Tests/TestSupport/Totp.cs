using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace CoupDePousse.Tests.TestSupport;

/// <summary>An authenticator app in a few lines: RFC 6238 (HMAC-SHA1, 30 s steps, 6 digits) over a Base32 key (RFC 4648).</summary>
public static class Totp
{
    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>The code an app shows at <paramref name="at"/> (now by default) for the key as the page shows it.</summary>
    public static string Code(string sharedKey, DateTimeOffset? at = null, int stepOffset = 0)
    {
        var step = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds() / 30 + stepOffset;
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(Base32Decode(sharedKey), counter);
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>A six-digit code that no step the server accepts around now (±2 steps) produces.</summary>
    public static string WrongCode(string sharedKey)
    {
        var accepted = Enumerable.Range(-3, 7).Select(offset => Code(sharedKey, stepOffset: offset)).ToHashSet();
        return Enumerable.Range(0, 1_000_000).Select(n => n.ToString("D6", CultureInfo.InvariantCulture)).First(code => !accepted.Contains(code));
    }

    public static byte[] Base32Decode(string text)
    {
        var clean = text.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>(clean.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var character in clean)
        {
            var value = Base32Alphabet.IndexOf(character, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException($"'{character}' is not a Base32 character.");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }
        return [.. bytes];
    }
}
