using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Domain.Common;

namespace CoupDePousse.Domain.Interveners;

/// <summary>What HR needs to match an intervener to a case: domains covered, capacity, rate.</summary>
public sealed class IntervenerProfile
{
    /// <summary>The most active cases one intervener may carry.</summary>
    public const int MaxCapacity = 100;

    /// <summary>The highest hourly rate accepted, 10 000 €, in cents.</summary>
    public const int MaxHourlyRateCents = 10_000_00;

    public static NumberRule CapacityRule { get; } = NumberRule.Whole(1, MaxCapacity);

    public static NumberRule RateRule { get; } = NumberRule.Euros(0, MaxHourlyRateCents);

    private IntervenerProfile()
    {
    }

    public string UserId { get; private set; } = "";

    public List<CoachingDomain> Domains { get; private set; } = [];

    public int MaxActiveCases { get; private set; }

    public int HourlyRateCents { get; private set; }

    public static Result<IntervenerProfile> Create(string userId, IEnumerable<CoachingDomain> domains, int maxActiveCases, int hourlyRateCents)
    {
        var profile = new IntervenerProfile { UserId = userId };
        var result = profile.Update(domains, maxActiveCases, hourlyRateCents);
        return result.IsSuccess ? profile : result.Error!;
    }

    public Result Update(IEnumerable<CoachingDomain> domains, int maxActiveCases, int hourlyRateCents)
    {
        var distinct = domains.Distinct().Order().ToList();
        if (distinct.Count == 0)
        {
            return IntervenerErrors.DomainRequired;
        }

        if (!distinct.All(Enum.IsDefined))
        {
            return CaseErrors.UnknownDomain;
        }

        if (!CapacityRule.Allows(maxActiveCases))
        {
            return IntervenerErrors.InvalidCapacity;
        }

        if (!RateRule.Allows(hourlyRateCents))
        {
            return IntervenerErrors.InvalidRate;
        }

        Domains = distinct;
        MaxActiveCases = maxActiveCases;
        HourlyRateCents = hourlyRateCents;
        return Result.Success();
    }

    public bool Covers(IEnumerable<CoachingDomain> domains) => domains.Any(Domains.Contains);
}

/// <summary>What the app knows of an intervener's account: it holds the Intervener role and is not disabled.</summary>
public sealed record IntervenerAccount(bool HoldsIntervenerRole, bool Enabled)
{
    public static IntervenerAccount Active { get; } = new(true, true);

    /// <summary>An account that no longer exists: neither an intervener nor enabled.</summary>
    public static IntervenerAccount Gone { get; } = new(false, false);

    /// <summary>May take cases now; a case whose intervener is no longer active is flagged to HR.</summary>
    public bool IsActive => HoldsIntervenerRole && Enabled;
}

/// <summary>An intervener as HR sees them when assigning: their profile, current load, account and known conflicts with the person.</summary>
public sealed record IntervenerCandidate(IntervenerProfile Profile, int ActiveCases, IntervenerAccount Account, IReadOnlyList<ConflictRelation>? Conflicts = null)
{
    public IReadOnlyList<ConflictRelation> KnownConflicts => Conflicts ?? [];

    public bool HasCapacity => ActiveCases < Profile.MaxActiveCases;

    /// <summary>
    /// Whether HR may assign this intervener to a case of these domains for this person: an active intervener account,
    /// independent of the person (neither them nor their manager), a domain covered and room left.
    /// </summary>
    public Result Fits(IEnumerable<CoachingDomain> domains, BeneficiaryRef beneficiary) =>
        !Account.HoldsIntervenerRole ? IntervenerErrors.NotAnIntervener
        : !Account.Enabled ? IntervenerErrors.AccountDisabled
        : Profile.UserId == beneficiary.UserId || Profile.UserId == beneficiary.ManagerId ? IntervenerErrors.NotIndependent
        : !Profile.Covers(domains) ? CaseErrors.DomainsNotCovered
        : !HasCapacity ? CaseErrors.IntervenerFull
        : Result.Success();
}

public static class IntervenerErrors
{
    public static readonly Error DomainRequired = new("intervener.domain_required",
        "Un intervenant couvre au moins un domaine.",
        "An intervener covers at least one domain.");

    public static readonly Error InvalidCapacity = new("intervener.invalid_capacity",
        $"Le nombre maximal de dossiers actifs doit être compris entre 1 et {IntervenerProfile.MaxCapacity}.",
        $"The maximum of active cases must be between 1 and {IntervenerProfile.MaxCapacity}.");

    public static readonly Error InvalidRate = new("intervener.invalid_rate",
        "Le tarif horaire doit être compris entre 0 et 10 000 €.",
        "The hourly rate must be between 0 and 10,000 €.");

    public static readonly Error NotAnIntervener = new("intervener.role_required",
        "Cette personne n’a pas (ou plus) le rôle Intervenant : elle ne peut pas être affectée.",
        "This person does not (or no longer) hold the Intervener role: they cannot be assigned.");

    public static readonly Error AccountDisabled = new("intervener.account_disabled",
        "Le compte de cet intervenant est désactivé : il ne peut pas être affecté.",
        "This intervener's account is disabled: they cannot be assigned.");

    public static readonly Error NotIndependent = new("intervener.not_independent",
        "L’intervenant doit être indépendant de la personne : ni la personne elle-même, ni son manager.",
        "The intervener must be independent of the person: neither the person themself nor their manager.");
}
