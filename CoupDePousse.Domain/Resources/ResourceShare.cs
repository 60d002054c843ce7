using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;

namespace CoupDePousse.Domain.Resources;

/// <summary>A library resource the intervener shared with the beneficiary of a case. Outside the aggregate, like the journal.</summary>
public sealed class ResourceShare
{
    private ResourceShare()
    {
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public Guid ResourceId { get; private set; }

    public string SharedById { get; private set; } = "";

    public DateTimeOffset SharedAt { get; private set; }

    /// <summary>The case's intervener shares an active resource, once per case, while the engagement runs.</summary>
    public static Result<ResourceShare> Share(CoachingCase coachingCase, Actor actor, LibraryResource resource, IReadOnlyCollection<Guid> alreadyShared, DateTimeOffset now)
    {
        var allowed = BetweenSessions.MayChange(coachingCase, actor, ActionItemAuthor.Intervener);
        if (allowed.IsFailure)
        {
            return allowed.Error!;
        }

        if (resource.IsArchived)
        {
            return ResourceErrors.Archived;
        }

        if (alreadyShared.Contains(resource.Id))
        {
            return ResourceErrors.AlreadyShared;
        }

        return new ResourceShare { Id = Guid.CreateVersion7(), CaseId = coachingCase.Id, ResourceId = resource.Id, SharedById = actor.UserId, SharedAt = now };
    }

    /// <summary>The case's intervener takes a shared resource back while the engagement runs.</summary>
    public Result CanWithdraw(CoachingCase coachingCase, Actor actor) =>
        coachingCase.Id != CaseId ? CaseErrors.NotAllowed : BetweenSessions.MayChange(coachingCase, actor, ActionItemAuthor.Intervener);
}
