using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Common;
using CoupDePousse.App.Security;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Programme;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.App.Features.Pipeline;

/// <summary>The programme's envelope for the current year against what its cases commit and consume (decision 031), for HR and the admin.</summary>
public sealed class EnvelopeService(IDbContextFactory<AppDbContext> dbFactory, SecurityAudit audit, TimeProvider clock, ILogger<EnvelopeService> logger)
{
    /// <summary>The year the envelope is read for: the current one in the server's time, as meetings read "today".</summary>
    public int CurrentYear => clock.GetLocalNow().Year;

    public async Task<Result<EnvelopeView>> GetAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var allowed = logger.RequireRole(actor, "ReadEnvelope", Role.HR, Role.Admin);
        if (allowed.IsFailure)
        {
            return allowed.Error!;
        }

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var envelope = await db.EnvelopeAsync(today.Year, cancellationToken);
        var cases = await db.EnvelopeCasesAsync(today.Year, cancellationToken);
        var figures = EnvelopeFigures.Compute(envelope ?? ProgrammeEnvelope.Create(today.Year, 0).Value, cases, today);
        return envelope is null
            ? new EnvelopeView(today.Year, null, figures.CommittedCents, figures.ConsumedCents, figures.ForecastCents, null, 0, EnvelopeLevel.Within)
            : new EnvelopeView(today.Year, envelope.AmountCents, figures.CommittedCents, figures.ConsumedCents, figures.ForecastCents,
                figures.RemainingCents, figures.CommittedPercentage, figures.Level);
    }

    /// <summary>Sets the envelope of a year in euros (rounded to the cent); audited with the amount before and after.</summary>
    public Task<Result> SetAsync(Actor actor, int year, decimal euros, CancellationToken cancellationToken = default) =>
        logger.LoggingRefusals(actor, "SetEnvelope", SetCoreAsync(actor, year, euros, cancellationToken));

    private async Task<Result> SetCoreAsync(Actor actor, int year, decimal euros, CancellationToken cancellationToken)
    {
        var allowed = ActorAccess.Allow(actor, Role.HR, Role.Admin);
        if (allowed.IsFailure)
        {
            return allowed;
        }

        var envelope = ProgrammeEnvelope.Create(year, Money.CentsFromEuros(euros));
        if (envelope.IsFailure)
        {
            return envelope.Error!;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.ProgrammeEnvelopes.SingleOrDefaultAsync(e => e.Year == year, cancellationToken);
        var before = stored is null ? null : Describe(year, stored.AmountCents);
        if (stored is null)
        {
            stored = new EnvelopeSetting { Year = year };
            db.ProgrammeEnvelopes.Add(stored);
        }

        stored.AmountCents = envelope.Value.AmountCents;
        await db.SaveChangesAsync(cancellationToken);
        var after = Describe(year, stored.AmountCents);
        if (before != after)
        {
            await audit.RecordAsync(SecurityEventKind.EnvelopeChanged, actor.UserId, null, before, after, cancellationToken);
        }

        return Result.Success();
    }

    private static string Describe(int year, long cents) => FormattableString.Invariant($"year={year}; cents={cents}");
}
