using CoupDePousse.Domain.Common;

namespace CoupDePousse.Domain.Programme;

/// <summary>An envelope a new commitment would pass: the committed amount it would reach against the envelope (decision 034).</summary>
public sealed record EnvelopeExcess(int Year, string? Department, long CommittedCents, long EnvelopeCents);

/// <summary>Whether assigning an intervener or approving an extension would bring the committed amount past an envelope (decision 034).</summary>
public static class EnvelopeCommitment
{
    public const string WouldExceedCode = "envelope.would-exceed";

    private static readonly System.Globalization.CultureInfo Fr = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");

    private static readonly System.Globalization.CultureInfo En = System.Globalization.CultureInfo.GetCultureInfo("en-US");

    /// <summary>
    /// What a case holds once accepted at an intervener's rate: its whole budget with approved extensions (or the minutes
    /// used, if more), as <see cref="EnvelopeFigures.CommittedMinutes"/> prices an open engaged case.
    /// </summary>
    public static long AcceptedCaseCents(int hourlyRateCents, int totalMinutes, int usedMinutes) =>
        Money.CostCents(hourlyRateCents, Math.Max(totalMinutes, usedMinutes));

    /// <summary>
    /// The committed amount once the case holds <paramref name="caseAfterCents"/> instead of <paramref name="caseNowCents"/>
    /// (its share in <paramref name="committedCents"/> today), when that passes the envelope; null when it does not, when
    /// the case holds no more than before, or without an envelope. Reaching the envelope exactly is within it.
    /// </summary>
    public static EnvelopeExcess? Check(ProgrammeEnvelope? envelope, long committedCents, long caseNowCents, long caseAfterCents)
    {
        if (envelope is null || caseAfterCents <= caseNowCents)
        {
            return null;
        }

        var after = committedCents - caseNowCents + caseAfterCents;
        return after > envelope.AmountCents ? new EnvelopeExcess(envelope.Year, envelope.Department, after, envelope.AmountCents) : null;
    }

    /// <summary>
    /// The refusal that asks for a confirmation: the company's committed amount against its envelope; for a department only
    /// its envelope, since a department's committed amount may be withheld by the small-group rule (decision 034).
    /// </summary>
    public static Error WouldExceed(IReadOnlyList<EnvelopeExcess> excesses)
    {
        var french = string.Join(" ", excesses.Select(e => string.Format(Fr,
            e.Department is null
                ? "Cela porterait le montant engagé en {0} à {1:N2} € pour une enveloppe de {2:N2} €."
                : "Cela dépasserait l’enveloppe {0} du service « {3} » ({2:N2} €).",
            e.Year, e.CommittedCents / 100m, e.EnvelopeCents / 100m, e.Department)));
        var english = string.Join(" ", excesses.Select(e => string.Format(En,
            e.Department is null
                ? "This would bring the committed amount of {0} to €{1:N2} for an envelope of €{2:N2}."
                : "This would pass the {0} envelope of the “{3}” department (€{2:N2}).",
            e.Year, e.CommittedCents / 100m, e.EnvelopeCents / 100m, e.Department)));
        return new Error(WouldExceedCode, french + " Confirmez pour engager quand même.", english + " Confirm to commit it anyway.");
    }
}
