using CoupDePousse.Domain.Common;

namespace CoupDePousse.App.Features.Common;

public static class ActorAccess
{
    /// <summary>Refuses a call from a role outside the given ones.</summary>
    public static Result Allow(Actor actor, params Role[] roles) =>
        roles.Contains(actor.Role) ? Result.Success() : AppErrors.Forbidden;

    /// <summary>Refuses a call from a role outside the given ones, logging who tried what.</summary>
    public static Result RequireRole(this ILogger logger, Actor actor, string operation, params Role[] roles) =>
        logger.LogIfRefused(Allow(actor, roles), actor, operation);

    /// <summary>Runs a call and logs its refusal, if any: who, what and the error code, never the input.</summary>
    public static async Task<T> LoggingRefusals<T>(this ILogger logger, Actor actor, string operation, Task<T> call)
        where T : Result => logger.LogIfRefused(await call, actor, operation);

    /// <summary>Logs a refusal: who, what, which case and the error code, never any text a person wrote.</summary>
    public static Error LogRefusal(this ILogger logger, Actor actor, string operation, Error error, Guid? caseId = null)
    {
        if (caseId is { } id)
        {
            logger.LogWarning("Refused {Operation} on case {CaseId} for user {UserId} ({Role}): {Code}", operation, id, actor.UserId, actor.Role, error.Code);
        }
        else
        {
            logger.LogWarning("Refused {Operation} for user {UserId} ({Role}): {Code}", operation, actor.UserId, actor.Role, error.Code);
        }

        return error;
    }

    private static T LogIfRefused<T>(this ILogger logger, T result, Actor actor, string operation)
        where T : Result
    {
        if (result.IsFailure)
        {
            logger.LogRefusal(actor, operation, result.Error!);
        }

        return result;
    }
}
