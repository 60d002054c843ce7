using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using QRCoder;

namespace CoupDePousse.App.Security;

/// <summary>What an authenticator app needs to enrol: the key for people, the otpauth URI and its QR code for phones.</summary>
public static class Authenticator
{
    public const string Issuer = "CoupDePousse";
    public const int RecoveryCodeCount = 10;

    /// <summary>The key in lower-case groups of four, easier to type; apps ignore spaces and case.</summary>
    public static string FormatKey(string key)
    {
        var formatted = new StringBuilder();
        for (var position = 0; position < key.Length; position += 4)
        {
            if (position > 0)
            {
                formatted.Append(' ');
            }
            formatted.Append(key.AsSpan(position, Math.Min(4, key.Length - position)));
        }
        return formatted.ToString().ToLowerInvariant();
    }

    public static string OtpAuthUri(string email, string key) =>
        string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/{Issuer}:{UrlEncoder.Default.Encode(email)}?secret={key}&issuer={Issuer}&digits=6");

    /// <summary>A PNG data URI, so the page makes no request for it (the CSP allows <c>img-src data:</c>).</summary>
    public static string QrCodeDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }

    /// <summary>An authenticator code as people type it (123 456, 123-456): spaces and dashes dropped.</summary>
    public static string NormalizeCode(string? code) =>
        (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Trim();
}
