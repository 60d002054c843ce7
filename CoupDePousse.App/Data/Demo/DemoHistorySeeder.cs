using CoupDePousse.App.Data.Generation;
using CoupDePousse.Domain.Programme;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.App.Data.Demo;

/// <summary>
/// The programme's past around the demo accounts: a few hundred generated cases of generated people (never a demo login,
/// never a demo intervener), so that HR's report and figures mean something on first sign-in under the small-group rule.
/// The envelopes are then sized again from every counted case, so that this year stays a little over 80 % committed.
/// <c>Demo:History</c> false leaves it out (the end-to-end tests, which count the demo's own cases).
/// </summary>
internal sealed class DemoHistorySeeder(IDbContextFactory<AppDbContext> dbFactory, ILookupNormalizer normalizer, IConfiguration configuration, TimeProvider clock) : IDemoSeeder
{
    public const string HistoryKey = "Demo:History";

    /// <summary>Over three years of history (decision 016's storyteller), about a hundred proposed this year.</summary>
    public const int Cases = 400;

    public const int Seed = 2026;

    public int Order => 200;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue(HistoryKey, true))
        {
            return;
        }

        var generatedDomain = "@" + GeneratedCast.EmailDomain;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Users.AnyAsync(u => u.Email!.EndsWith(generatedDomain), cancellationToken))
            {
                return;
            }
        }

        await new PopulationGenerator(dbFactory, normalizer, clock).GenerateAsync(Cases, Seed, TextWriter.Null, cancellationToken);
        await SizeEnvelopesAsync(cancellationToken);
    }

    private async Task SizeEnvelopesAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var company = await db.ProgrammeEnvelopes.SingleOrDefaultAsync(e => e.Year == today.Year, cancellationToken);
        if (company is null)
        {
            return;
        }

        var cases = await db.EnvelopeCasesAsync(today.Year, cancellationToken);
        var committed = EnvelopeFigures.Compute(ProgrammeEnvelope.Create(today.Year, 0).Value, cases, today).CommittedCents;
        company.AmountCents = DemoCaseSeeder.EnvelopeCents(committed);
        var departments = await db.DepartmentEnvelopes.Where(e => e.Year == today.Year).ToListAsync(cancellationToken);
        db.DepartmentEnvelopes.RemoveRange(departments);
        db.DepartmentEnvelopes.AddRange(DemoCaseSeeder.DepartmentEnvelopes(company));
        await db.SaveChangesAsync(cancellationToken);
    }
}
