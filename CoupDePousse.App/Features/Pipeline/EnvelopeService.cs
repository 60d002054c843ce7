using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Common;
using CoupDePousse.App.Security;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Programme;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.App.Features.Pipeline;

/// <summary>The programme's envelope for the current year against what its cases commit and consume, for the company and its departments (decisions 031, 034), for HR and the admin.</summary>
public sealed class EnvelopeService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, ILogger<EnvelopeService> logger)
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
        var departments = await db.DepartmentEnvelopesAsync(today.Year, cancellationToken);
        var cases = await db.EnvelopeCasesAsync(today.Year, cancellationToken);
        var threshold = await db.SmallGroupThresholdAsync(cancellationToken);
        var figures = EnvelopeFigures.Compute(envelope ?? ProgrammeEnvelope.Create(today.Year, 0).Value, cases, today);
        var view = envelope is null
            ? new EnvelopeView(today.Year, null, figures.CommittedCents, figures.ConsumedCents, figures.ForecastCents, null, 0, EnvelopeLevel.Within)
            : new EnvelopeView(today.Year, envelope.AmountCents, figures.CommittedCents, figures.ConsumedCents, figures.ForecastCents,
                figures.RemainingCents, figures.CommittedPercentage, figures.Level);
        return view with
        {
            Departments = DepartmentEnvelopes.Compute(departments, cases, today, threshold.Value)
                .Select(d => new DepartmentEnvelopeView(d.Department, d.EnvelopeCents, d.Figures is { } f
                    ? new DepartmentEnvelopeFiguresView(f.CommittedCents, f.ConsumedCents, f.ForecastCents, f.RemainingCents, f.CommittedPercentage, f.Level)
                    : null))
                .ToList(),
            DepartmentsExceedCompany = DepartmentEnvelopes.ExceedCompany(envelope, departments),
            SmallGroupThreshold = threshold.Value,
        };
    }

}
