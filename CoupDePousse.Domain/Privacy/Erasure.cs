using System.Security.Cryptography;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;

namespace CoupDePousse.Domain.Privacy;

/// <summary>The non-identifying values that replace an erased person's identity (decision 039).</summary>
public sealed record Pseudonym(string Code)
{
    public const string EmailDomain = "erased.invalid";

    /// <summary>A fresh random code: never derived from the person, so nothing leads back to them.</summary>
    public static Pseudonym New() => new(Convert.ToHexString(RandomNumberGenerator.GetBytes(3)));

    /// <summary>What every screen shows in place of the name (stored text is not localised, so one language).</summary>
    public string DisplayName => $"Personne effacée {Code}";

    /// <summary>Unique per erasure (Identity holds emails and user names unique), on a domain that cannot receive mail.</summary>
    public string Email(Guid unique) => $"erased-{Code.ToLowerInvariant()}-{unique:N}@{EmailDomain}";
}

/// <summary>What the erasure of a person removes, by role, and when it may run.</summary>
public static class ErasureRules
{
    public static readonly Error HasActiveCases = new("erasure.active_cases",
        "Cette personne a encore un dossier en cours : il doit être terminé ou réattribué avant l’effacement.",
        "This person still has a case in progress: it must end or be reassigned before the erasure.");

    public static readonly Error CannotEraseSelf = new("erasure.self",
        "Vous ne pouvez pas effacer votre propre compte.",
        "You cannot erase your own account.");

    public static readonly Error AlreadyErased = new("erasure.already_erased",
        "Cette personne a déjà été effacée.",
        "This person has already been erased.");

    public static readonly Error MustBeDisabled = new("erasure.must_be_disabled",
        "Seul un compte désactivé (départ de l’entreprise) peut être programmé pour l’effacement.",
        "Only a disabled account (someone who left) can be scheduled for erasure.");

    /// <summary>
    /// A case in progress still needs its people and their words: the erasure waits for its end (a request during a case
    /// starts with its cancellation by HR). Ended cases of the person are what the erasure works on.
    /// </summary>
    public static Result MayErase(int activeCasesAsParty) => activeCasesAsParty == 0 ? Result.Success() : HasActiveCases;
}
