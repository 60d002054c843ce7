using CoupDePousse.App.Data;
using CoupDePousse.App.Security;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Programme;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.App.Features.Common;

/// <summary>One envelope as typed: the company's (no department) or a department's; no amount removes it.</summary>
public sealed record EnvelopeAmount(int Year, string? Department, decimal? Euros);

/// <summary>A year's envelopes: the company's and the departments' (decision 034).</summary>
public sealed record EnvelopeYearSettings(int Year, long? CompanyCents, IReadOnlyDictionary<string, long> DepartmentCents, bool DepartmentsExceedCompany);

/// <summary>The envelopes of this year and the next, and the departments that may have one.</summary>
public sealed record EnvelopeSettingsView(IReadOnlyList<EnvelopeYearSettings> Years, IReadOnlyList<string> Departments);

/// <summary>
/// The programme's envelopes as HR (its home) and the admin (the budget tab) set them: the company's and each
/// department's, this year and the next (decisions 031, 034). Shared by both features, so it lives in Common.
/// </summary>
public sealed class EnvelopeSettingsService(IDbContextFactory<AppDbContext> dbFactory, SecurityAudit audit, TimeProvider clock, ILogger<EnvelopeSettingsService> logger)
{
    public static readonly Error UnknownDepartment = new("envelope.unknown_department",
        "Ce service n’existe pas : aucune personne n’y est rattachée.",
        "This department does not exist: nobody belongs to it.");

    public static readonly Error YearNotEditable = new("envelope.year",
        "Seules les enveloppes de cette année et de la suivante se règlent ici.",
        "Only this year's and next year's envelopes are set here.");

    /// <summary>This year in the server's time, as the envelope's figures read it.</summary>
    public int CurrentYear => clock.GetLocalNow().Year;

    public async Task<Result<EnvelopeSettingsView>> GetAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var allowed = logger.RequireRole(actor, "ReadEnvelopes", Role.HR, Role.Admin);
        if (allowed.IsFailure)
        {
            return allowed.Error!;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var years = new List<EnvelopeYearSettings>();
        foreach (var year in new[] { CurrentYear, CurrentYear + 1 })
        {
            var company = await db.EnvelopeAsync(year, cancellationToken);
            var departments = await db.DepartmentEnvelopesAsync(year, cancellationToken);
            years.Add(new EnvelopeYearSettings(year, company?.AmountCents, departments.ToDictionary(d => d.Department!, d => d.AmountCents, StringComparer.Ordinal),
                DepartmentEnvelopes.ExceedCompany(company, departments)));
        }

        var known = await KnownDepartmentsAsync(db, cancellationToken);
        return new EnvelopeSettingsView(years, known.Union(years.SelectMany(y => y.DepartmentCents.Keys)).Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>Sets one envelope; see <see cref="SaveAsync"/>.</summary>
    public Task<Result> SetAsync(Actor actor, int year, string? department, decimal? euros, CancellationToken cancellationToken = default) =>
        SaveAsync(actor, [new EnvelopeAmount(year, department, euros)], cancellationToken);

    /// <summary>
    /// Sets several envelopes at once, all or none: every amount is checked before anything is saved. Each change goes to
    /// the security audit (<see cref="SecurityEventKind.EnvelopeChanged"/>) with the amount before and after, and the department.
    /// </summary>
    public Task<Result> SaveAsync(Actor actor, IReadOnlyList<EnvelopeAmount> amounts, CancellationToken cancellationToken = default) =>
        logger.LoggingRefusals(actor, "SetEnvelope", SaveCoreAsync(actor, amounts, cancellationToken));

    private async Task<Result> SaveCoreAsync(Actor actor, IReadOnlyList<EnvelopeAmount> amounts, CancellationToken cancellationToken)
    {
        var allowed = ActorAccess.Allow(actor, Role.HR, Role.Admin);
        if (allowed.IsFailure)
        {
            return allowed;
        }

        var envelopes = new List<(EnvelopeAmount Amount, ProgrammeEnvelope? Envelope)>();
        foreach (var amount in amounts)
        {
            var cents = Money.CentsFromEuros(amount.Euros ?? 0);
            var envelope = amount.Department is null ? ProgrammeEnvelope.Create(amount.Year, cents) : ProgrammeEnvelope.ForDepartment(amount.Year, amount.Department, cents);
            if (envelope.IsFailure)
            {
                return envelope.Error!;
            }

            envelopes.Add((amount, amount.Euros is null ? null : envelope.Value));
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var known = await KnownDepartmentsAsync(db, cancellationToken);
        var changes = new List<(string? Before, string? After)>();
        foreach (var (amount, envelope) in envelopes)
        {
            // A case counts in the year it was proposed, and HR plans at most a year ahead.
            if (amount.Year < CurrentYear - 1 || amount.Year > CurrentYear + 1)
            {
                return YearNotEditable;
            }

            var change = amount.Department is null
                ? await SetCompanyAsync(db, amount.Year, envelope, cancellationToken)
                : await SetDepartmentAsync(db, amount.Year, amount.Department.Trim(), envelope, known, cancellationToken);
            if (change.IsFailure)
            {
                return change.Error!;
            }

            if (change.Value.Before != change.Value.After)
            {
                changes.Add(change.Value);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var (before, after) in changes)
        {
            await audit.RecordAsync(SecurityEventKind.EnvelopeChanged, actor.UserId, null, before, after, cancellationToken);
        }

        return Result.Success();
    }

    private static async Task<Result<(string? Before, string? After)>> SetCompanyAsync(AppDbContext db, int year, ProgrammeEnvelope? envelope, CancellationToken cancellationToken)
    {
        var stored = await db.ProgrammeEnvelopes.SingleOrDefaultAsync(e => e.Year == year, cancellationToken);
        var before = stored is null ? null : Describe(year, null, stored.AmountCents);
        if (envelope is null)
        {
            if (stored is not null)
            {
                db.ProgrammeEnvelopes.Remove(stored);
            }

            return (before, (string?)null);
        }

        if (stored is null)
        {
            stored = new EnvelopeSetting { Year = year };
            db.ProgrammeEnvelopes.Add(stored);
        }

        stored.AmountCents = envelope.AmountCents;
        return (before, Describe(year, null, stored.AmountCents));
    }

    private static async Task<Result<(string? Before, string? After)>> SetDepartmentAsync(AppDbContext db, int year, string department, ProgrammeEnvelope? envelope,
        IReadOnlyCollection<string> known, CancellationToken cancellationToken)
    {
        var stored = await db.DepartmentEnvelopes.SingleOrDefaultAsync(e => e.Year == year && e.Department == department, cancellationToken);
        var before = stored is null ? null : Describe(year, department, stored.AmountCents);
        if (envelope is null)
        {
            if (stored is not null)
            {
                db.DepartmentEnvelopes.Remove(stored);
            }

            return (before, (string?)null);
        }

        if (stored is null)
        {
            if (!known.Contains(department))
            {
                return UnknownDepartment;
            }

            stored = new DepartmentEnvelopeSetting { Year = year, Department = department };
            db.DepartmentEnvelopes.Add(stored);
        }

        stored.AmountCents = envelope.AmountCents;
        return (before, Describe(year, department, stored.AmountCents));
    }

    private static async Task<List<string>> KnownDepartmentsAsync(AppDbContext db, CancellationToken cancellationToken) =>
        (await db.Users.AsNoTracking().Where(u => u.Department != null && u.Department != "").Select(u => u.Department!).Distinct().ToListAsync(cancellationToken))
            .Order(StringComparer.Ordinal).ToList();

    private static string Describe(int year, string? department, long cents) => department is null
        ? FormattableString.Invariant($"year={year}; cents={cents}")
        : FormattableString.Invariant($"year={year}; department={department}; cents={cents}");
}
