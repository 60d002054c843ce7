using System.Text;

namespace CoupDePousse.Domain.Common;

/// <summary>Shared rules for text people type: one Unicode form, and no invisible control that reorders what others read.</summary>
public static class Text
{
    // Embeddings, overrides, isolates, directional marks and the Arabic letter mark: they can make a name read differently than it is stored.
    private static readonly char[] BidiControls =
        ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C'];

    /// <summary>Trimmed and composed (NFC), so that the same name typed twice is stored once the same way.</summary>
    public static string Normalize(string text) => text.Trim().Normalize(NormalizationForm.FormC);

    public static bool HasBidiControl(string text) => text.AsSpan().IndexOfAny(BidiControls) >= 0;

    /// <summary>
    /// A control character a person cannot mean to store (NUL, escape, bell...): refused, not stripped (decision 044).
    /// A multi-line text may hold line breaks and tabs; a single-line one (a name) holds none.
    /// </summary>
    public static bool HasControlCharacter(string text, bool multiline = true)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The checks every free text shares: within its limit (once trimmed), and without control characters.</summary>
    public static Result Check(string? text, int maxLength, bool multiline = true)
    {
        if (string.IsNullOrEmpty(text))
        {
            return Result.Success();
        }

        if (HasControlCharacter(text, multiline))
        {
            return TextErrors.ControlCharacter;
        }

        return text.Trim().Length > maxLength ? TextErrors.TooLong.With(maxLength) : Result.Success();
    }

    /// <summary>A name as it will be stored: required, normalized, within its limit, without bidirectional controls.</summary>
    public static Result<string> Name(string? text, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return TextErrors.NameRequired;
        }

        var name = Optional(text, maxLength);
        return name.IsFailure ? name.Error! : name.Value!;
    }

    /// <summary>An optional short text (a department): null when blank, otherwise checked like a name.</summary>
    public static Result<string?> Optional(string? text, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Result<string?>.Success(null);
        }

        var normalized = Normalize(text);
        if (HasControlCharacter(normalized, multiline: false))
        {
            return TextErrors.ControlCharacter;
        }

        if (HasBidiControl(normalized))
        {
            return TextErrors.BidiControl;
        }

        return normalized.Length > maxLength ? TextErrors.TooLong.With(maxLength) : normalized;
    }
}

public static class TextErrors
{
    public static readonly Error NameRequired = new("text.name_required",
        "Indiquez un nom.",
        "Enter a name.");

    public static readonly Error TooLong = new("text.too_long_field",
        "Ce champ est trop long : {0} caractères au plus.",
        "This field is too long: {0} characters at most.");

    public static readonly Error ControlCharacter = new("text.control_character",
        "Ce texte contient un caractère de contrôle invisible (par exemple un caractère nul) : retirez-le.",
        "This text holds an invisible control character (a null character, for instance): remove it.");

    public static readonly Error BidiControl = new("text.bidi_control",
        "Ce texte contient un caractère invisible de sens d’écriture (U+202A à U+202E, U+2066 à U+2069, U+200E, U+200F, U+061C) : retirez-le.",
        "This text holds an invisible writing-direction character (U+202A to U+202E, U+2066 to U+2069, U+200E, U+200F, U+061C): remove it.");
}
