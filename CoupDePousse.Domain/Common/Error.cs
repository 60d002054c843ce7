using System.Globalization;

namespace CoupDePousse.Domain.Common;

/// <summary>A refused operation: a stable code for programs, a sentence for people (French first).</summary>
public sealed record Error(string Code, string French, string English)
{
    public string Message => Localize(CultureInfo.CurrentUICulture);

    public string Localize(CultureInfo culture) => Language.Pick(French, English, culture);

    /// <summary>Fills the placeholders of both messages, keeping the code.</summary>
    public Error With(params object[] arguments) => this with
    {
        French = string.Format(CultureInfo.GetCultureInfo("fr-FR"), French, arguments),
        English = string.Format(CultureInfo.GetCultureInfo("en-US"), English, arguments),
    };

    public override string ToString() => $"{Code}: {English}";
}
