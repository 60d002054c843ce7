using CoupDePousse.App.Data;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.Benchmarks.Queries;

/// <summary>Who and what the benchmark reads: an HR member, the busiest intervener, their busiest department, one of their cases.</summary>
internal sealed record Subjects(Actor Hr, Actor Intervener, string Department, Guid CaseId, int CaseCount, int PeopleCount)
{
    public static async Task<Subjects> FindAsync(IDbContextFactory<AppDbContext> dbFactory)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var hrRole = await db.Roles.Where(r => r.Name == nameof(Role.HR)).Select(r => r.Id).SingleAsync();
        var hrId = await db.UserRoles.Where(ur => ur.RoleId == hrRole).Select(ur => ur.UserId).OrderBy(id => id).FirstAsync();
        var intervenerId = await db.Cases.Where(c => c.IntervenerId != null).GroupBy(c => c.IntervenerId!)
            .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        var department = await db.Cases.Where(c => c.Department != null).GroupBy(c => c.Department!)
            .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        var caseId = await db.Cases.Where(c => c.IntervenerId == intervenerId && c.State == CaseState.InSessions)
            .OrderByDescending(c => c.StateEnteredAt).Select(c => c.Id).FirstAsync();
        return new Subjects(Actor.Hr(hrId), Actor.Intervener(intervenerId), department, caseId, await db.Cases.CountAsync(), await db.Users.CountAsync());
    }
}
