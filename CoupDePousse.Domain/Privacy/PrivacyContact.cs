using CoupDePousse.Domain.Common;

namespace CoupDePousse.Domain.Privacy;

/// <summary>Who people write to about their personal data (a DPO's address, or a short text): set by the admin, printed in the notice.</summary>
public static class PrivacyContact
{
    public const int MaxLength = 200;

    /// <summary>Blank means none set (the notice then names the administrator); otherwise a short text without bidirectional controls.</summary>
    public static Result<string?> Create(string? text) => Text.Optional(text, MaxLength);
}
