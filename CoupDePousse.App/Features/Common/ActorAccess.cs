using CoupDePousse.Domain.Common;

namespace CoupDePousse.App.Features.Common;

public static class ActorAccess
{
    /// <summary>Refuses a call from a role outside the given ones, logging who tried what.</summary>
    public static Result RequireRole(this ILogger logger, Actor actor, string operation, params Role[] roles)
    {
        if (roles.Contains(actor.Role))
        {
            return Result.Success();
        }

        logger.LogWarning("Refused {Operation} for user {UserId} ({Role}): {Code}", operation, actor.UserId, actor.Role, AppErrors.Forbidden.Code);
        return AppErrors.Forbidden;
    }
}
