namespace CoupDePousse.Domain.Common;

/// <summary>
/// The time zones a person may read their times in: Europe, the French overseas, UTC and the two North American cities
/// the company works with. An id outside this list is refused, and a stored one that no longer resolves reads as Paris.
/// </summary>
public static class TimeZoneChoices
{
    public const string DefaultId = "Europe/Paris";

    /// <summary>The longest IANA id offered, for the column that stores a choice.</summary>
    public const int MaxIdLength = 64;

    public static TimeZoneInfo DefaultZone { get; } = TimeZoneInfo.FindSystemTimeZoneById(DefaultId);

    public static IReadOnlyList<string> Offered { get; } =
    [
        "Europe/Paris",
        "Europe/London", "Europe/Dublin", "Europe/Lisbon", "Europe/Madrid", "Europe/Brussels", "Europe/Amsterdam", "Europe/Luxembourg",
        "Europe/Berlin", "Europe/Zurich", "Europe/Rome", "Europe/Vienna", "Europe/Prague", "Europe/Warsaw", "Europe/Copenhagen",
        "Europe/Stockholm", "Europe/Oslo", "Europe/Helsinki", "Europe/Athens", "Europe/Bucharest",
        "America/Guadeloupe", "America/Martinique", "America/Cayenne", "Indian/Reunion", "Indian/Mayotte", "Pacific/Noumea", "Pacific/Tahiti",
        "UTC", "America/Montreal", "America/New_York",
    ];

    public static readonly Error UnknownZone = new("timezone.unknown",
        "Choisissez un fuseau horaire de la liste.",
        "Choose a time zone from the list.");

    /// <summary>Whether the id is one of the offered zones (exact spelling) and this machine knows it.</summary>
    public static bool IsOffered(string? id) => id is not null && Offered.Contains(id, StringComparer.Ordinal) && TryFind(id) is not null;

    /// <summary>A person's choice: one of the offered ids, or null for the default (Paris).</summary>
    public static Result<string?> Validate(string? id) =>
        string.IsNullOrEmpty(id) || id == DefaultId ? Result.Success<string?>(null)
        : IsOffered(id) ? Result.Success<string?>(id)
        : UnknownZone;

    /// <summary>The zone a stored choice names; Paris for none, or for one this machine cannot resolve.</summary>
    public static TimeZoneInfo Resolve(string? id) => string.IsNullOrEmpty(id) ? DefaultZone : TryFind(id) ?? DefaultZone;

    public static bool IsDefault(TimeZoneInfo zone) => zone.Id == DefaultZone.Id;

    private static TimeZoneInfo? TryFind(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
}
