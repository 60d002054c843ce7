using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Domain.Common;

namespace CoupDePousse.Domain.Resources;

/// <summary>What the administrator types for a resource; a language left empty falls back on the other (decision 028).</summary>
public sealed record LibraryResourceInput(
    CoachingDomain Domain,
    string? TopicCode,
    string? TitleFrench,
    string? TitleEnglish,
    string? SummaryFrench,
    string? SummaryEnglish,
    string? Link);

/// <summary>
/// A methodological or technical resource of the library, kept by the administrator per domain and topic of the concept,
/// that an intervener may share with the beneficiary of a case. Archived rather than deleted: a shared one stays readable.
/// </summary>
public sealed class LibraryResource
{
    private LibraryResource()
    {
    }

    public Guid Id { get; private set; }

    public CoachingDomain Domain { get; private set; }

    /// <summary>A topic of <see cref="Domain"/>, or none for the whole domain.</summary>
    public string? TopicCode { get; private set; }

    public string TitleFrench { get; private set; } = "";

    public string TitleEnglish { get; private set; } = "";

    public string SummaryFrench { get; private set; } = "";

    public string SummaryEnglish { get; private set; } = "";

    /// <summary>An absolute http or https address, or none.</summary>
    public string? Link { get; private set; }

    public bool IsArchived { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>A text in the reader's language, else in the other one: a resource may exist in one language only.</summary>
    public static string Fallback(string french, string english, bool readerIsEnglish) =>
        readerIsEnglish ? (english.Length > 0 ? english : french) : (french.Length > 0 ? french : english);

    public static Result<LibraryResource> Create(Actor actor, LibraryResourceInput input, DateTimeOffset now)
    {
        var resource = new LibraryResource { Id = Guid.CreateVersion7(), CreatedAt = now };
        var applied = resource.Apply(actor, input, now);
        return applied.IsFailure ? applied.Error! : resource;
    }

    public Result Edit(Actor actor, LibraryResourceInput input, DateTimeOffset now) => Apply(actor, input, now);

    /// <summary>Archived, the resource is no longer offered for sharing; where it was shared it stays readable.</summary>
    public Result Archive(Actor actor, bool archived, DateTimeOffset now)
    {
        if (actor.Role != Role.Admin)
        {
            return ResourceErrors.OnlyAdmin;
        }

        IsArchived = archived;
        UpdatedAt = now;
        return Result.Success();
    }

    /// <summary>Only absolute http and https addresses: a javascript:, data: or relative link never reaches a page.</summary>
    public static bool IsSafeLink(string link) =>
        link.Length <= TextLimits.ResourceLink
        && !link.Any(char.IsWhiteSpace)
        && Uri.TryCreate(link, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && !string.IsNullOrEmpty(uri.Host);

    private Result Apply(Actor actor, LibraryResourceInput input, DateTimeOffset now)
    {
        if (actor.Role != Role.Admin)
        {
            return ResourceErrors.OnlyAdmin;
        }

        if (!Enum.IsDefined(input.Domain))
        {
            return CaseErrors.UnknownDomain;
        }

        var topicCode = string.IsNullOrWhiteSpace(input.TopicCode) ? null : input.TopicCode.Trim();
        if (topicCode is not null)
        {
            var topic = CoachingCatalogue.FindTopic(topicCode);
            if (topic is null)
            {
                return CaseErrors.UnknownTopic;
            }

            if (topic.Domain != input.Domain)
            {
                return CaseErrors.TopicOutsideDomains;
            }
        }

        var titleFrench = Clean(input.TitleFrench);
        var titleEnglish = Clean(input.TitleEnglish);
        var summaryFrench = Clean(input.SummaryFrench);
        var summaryEnglish = Clean(input.SummaryEnglish);
        if (titleFrench.Length == 0 && titleEnglish.Length == 0)
        {
            return ResourceErrors.TitleRequired;
        }

        if ((summaryFrench.Length > 0 && titleFrench.Length == 0) || (summaryEnglish.Length > 0 && titleEnglish.Length == 0))
        {
            return ResourceErrors.SummaryWithoutTitle;
        }

        if (new[] { titleFrench, titleEnglish, summaryFrench, summaryEnglish }.Any(t => Text.HasControlCharacter(t)))
        {
            return TextErrors.ControlCharacter;
        }

        if (titleFrench.Length > TextLimits.ResourceTitle || titleEnglish.Length > TextLimits.ResourceTitle)
        {
            return CaseErrors.TextTooLong.With(TextLimits.ResourceTitle);
        }

        if (summaryFrench.Length > TextLimits.ResourceSummary || summaryEnglish.Length > TextLimits.ResourceSummary)
        {
            return CaseErrors.TextTooLong.With(TextLimits.ResourceSummary);
        }

        var link = Clean(input.Link);
        if (link.Length > 0 && !IsSafeLink(link))
        {
            return ResourceErrors.InvalidLink;
        }

        Domain = input.Domain;
        TopicCode = topicCode;
        TitleFrench = titleFrench;
        TitleEnglish = titleEnglish;
        SummaryFrench = summaryFrench;
        SummaryEnglish = summaryEnglish;
        Link = link.Length == 0 ? null : link;
        UpdatedAt = now;
        return Result.Success();
    }

    private static string Clean(string? text) => text?.Trim() ?? "";
}
