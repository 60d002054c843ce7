using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;

namespace CoupDePousse.Domain.Programme;

/// <summary>
/// The euros the company sets aside for the programme in one calendar year, in whole cents (decision 031); with a
/// department, the share set aside for that department's beneficiaries (decision 034), under the same bounds.
/// </summary>
public sealed record ProgrammeEnvelope
{
    public const int FirstYear = 2000;

    public const int LastYear = 2100;

    /// <summary>Twenty million euros: far beyond any coaching programme, and still an int of cents as <see cref="Money.CentsFromEuros"/> reads them.</summary>
    public const long MaxAmountCents = 20_000_000_00;

    public static readonly Error Invalid = new("envelope.invalid",
        "L'enveloppe doit être un montant en euros entre 0 et 20 000 000 €, pour une année entre 2000 et 2100.",
        "The envelope must be an amount in euros between €0 and €20,000,000, for a year between 2000 and 2100.");

    public static readonly Error InvalidDepartment = new("envelope.department",
        "Le service de l'enveloppe doit être nommé (100 caractères au plus).",
        "The envelope's department must be named (at most 100 characters).");

    private ProgrammeEnvelope(int year, long amountCents, string? department)
    {
        Year = year;
        AmountCents = amountCents;
        Department = department;
    }

    public int Year { get; }

    public long AmountCents { get; }

    /// <summary>Null for the company's envelope.</summary>
    public string? Department { get; }

    public static Result<ProgrammeEnvelope> Create(int year, long amountCents) =>
        year is >= FirstYear and <= LastYear && amountCents is >= 0 and <= MaxAmountCents
            ? new ProgrammeEnvelope(year, amountCents, null)
            : Invalid;

    public static Result<ProgrammeEnvelope> ForDepartment(int year, string? department, long amountCents)
    {
        if (string.IsNullOrWhiteSpace(department) || department.Trim().Length > TextLimits.Department)
        {
            return InvalidDepartment;
        }

        return Create(year, amountCents).Map(e => new ProgrammeEnvelope(e.Year, e.AmountCents, department.Trim()));
    }
}
