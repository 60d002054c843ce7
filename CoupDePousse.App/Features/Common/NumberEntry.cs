using System.Globalization;
using CoupDePousse.Domain.Common;

namespace CoupDePousse.App.Features.Common;

/// <summary>
/// What a person typed in one numeric field, kept as typed (never rewritten), with the domain's reading of it:
/// a form reads the value on submit and sends nothing while the field shows a refusal.
/// </summary>
public sealed class NumberEntry(NumberRule rule, int? initial = null)
{
    private string? text;

    public NumberRule Rule { get; private set; } = rule;

    /// <summary>The text in the field; the initial value is written in the page's language the first time it is shown.</summary>
    public string Text
    {
        get => text ??= initial is { } value ? NumberInput.Format(value, Rule, CultureInfo.CurrentUICulture) : "";
        set
        {
            text = value;
            Error = null;
        }
    }

    /// <summary>The refusal shown under the field, once the person left it or submitted.</summary>
    public Error? Error { get; private set; }

    /// <summary>The form's own words for an empty field ("choose a score from 0 to 10"), instead of the general one.</summary>
    public string? MissingText { get; init; }

    /// <summary>The refusal in the page's language, as the field shows it.</summary>
    public string? Message => Error is null ? null
        : Error == NumberInput.Required && MissingText is not null ? MissingText
        : Error.Localize(CultureInfo.CurrentUICulture);

    /// <summary>The value the text stands for now, or null, without showing anything.</summary>
    public int? Value => NumberInput.Parse(Text, Rule, CultureInfo.CurrentUICulture) is { IsSuccess: true } read ? read.Value : null;

    /// <summary>Reads the text as the domain does: the value, or null with the refusal shown under the field.</summary>
    public int? Read()
    {
        var read = NumberInput.Parse(Text, Rule, CultureInfo.CurrentUICulture);
        Error = read.Error;
        return read.IsSuccess ? read.Value : null;
    }

    /// <summary>Puts a value back in the field (after a save, or when another item is opened).</summary>
    public void Reset(int? value)
    {
        initial = value;
        text = null;
        Error = null;
    }

    /// <summary>The same text under the limits that hold now (the admin's bounds, the meeting's kind), checked again if it was refused.</summary>
    public NumberEntry Within(NumberRule limits)
    {
        if (limits != Rule)
        {
            Rule = limits;
            if (Error is not null)
            {
                Read();
            }
        }

        return this;
    }
}
