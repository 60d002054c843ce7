using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Common;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Resources;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.App.Features.Administration;

/// <summary>
/// A resource of the library as the administrator manages it, in both languages. Not where it is used: how many cases share a
/// resource of a given topic would tell the administrator, who sees nothing of cases, that someone is helped on it.
/// </summary>
public sealed record LibraryResourceRow(
    Guid Id,
    CoachingDomain Domain,
    string? TopicCode,
    string TitleFrench,
    string TitleEnglish,
    string SummaryFrench,
    string SummaryEnglish,
    string? Link,
    bool IsArchived)
{
    public LibraryResourceInput ToInput() => new(Domain, TopicCode, TitleFrench, TitleEnglish, SummaryFrench, SummaryEnglish, Link);
}

/// <summary>The administrator's library of resources (decision 028): listed by domain, created, edited, archived; never deleted.</summary>
public sealed class ResourceLibraryService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, ILogger<ResourceLibraryService> logger)
{
    public async Task<Result<IReadOnlyList<LibraryResourceRow>>> ListAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var allowed = logger.RequireRole(actor, "ListLibraryResources", Role.Admin);
        if (allowed.IsFailure)
        {
            return allowed.Error!;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.LibraryResources.AsNoTracking()
            .Select(r => new LibraryResourceRow(r.Id, r.Domain, r.TopicCode, r.TitleFrench, r.TitleEnglish, r.SummaryFrench, r.SummaryEnglish, r.Link, r.IsArchived))
            .ToListAsync(cancellationToken);
        return Result.Success<IReadOnlyList<LibraryResourceRow>>(rows
            .OrderBy(r => r.Domain).ThenBy(r => r.IsArchived).ThenBy(r => r.TitleFrench.Length > 0 ? r.TitleFrench : r.TitleEnglish, StringComparer.CurrentCulture)
            .ToList());
    }

    public Task<Result> CreateAsync(Actor actor, LibraryResourceInput input, CancellationToken cancellationToken = default) =>
        logger.LoggingRefusals(actor, "CreateLibraryResource", CreateCoreAsync(actor, input, cancellationToken));

    public Task<Result> EditAsync(Actor actor, Guid resourceId, LibraryResourceInput input, CancellationToken cancellationToken = default) =>
        logger.LoggingRefusals(actor, "EditLibraryResource", ChangeAsync(actor, resourceId, r => r.Edit(actor, input, clock.GetUtcNow()), cancellationToken));

    public Task<Result> ArchiveAsync(Actor actor, Guid resourceId, bool archived, CancellationToken cancellationToken = default) =>
        logger.LoggingRefusals(actor, "ArchiveLibraryResource", ChangeAsync(actor, resourceId, r => r.Archive(actor, archived, clock.GetUtcNow()), cancellationToken));

    private async Task<Result> CreateCoreAsync(Actor actor, LibraryResourceInput input, CancellationToken cancellationToken)
    {
        var allowed = ActorAccess.Allow(actor, Role.Admin);
        if (allowed.IsFailure)
        {
            return allowed;
        }

        var created = LibraryResource.Create(actor, input, clock.GetUtcNow());
        if (created.IsFailure)
        {
            return created.Error!;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.LibraryResources.Add(created.Value);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }

    private async Task<Result> ChangeAsync(Actor actor, Guid resourceId, Func<LibraryResource, Result> change, CancellationToken cancellationToken)
    {
        var allowed = ActorAccess.Allow(actor, Role.Admin);
        if (allowed.IsFailure)
        {
            return allowed;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var resource = await db.LibraryResources.SingleOrDefaultAsync(r => r.Id == resourceId, cancellationToken);
        if (resource is null)
        {
            return ResourceErrors.NotFound;
        }

        var result = change(resource);
        if (result.IsFailure)
        {
            return result;
        }

        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
