using System.Text.RegularExpressions;
using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Meetings;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Domain.Meetings;
using CoupDePousse.Domain.Notifications;
using CoupDePousse.Domain.Resources;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.TestSupport;

/// <summary>
/// A beneficiary holding every kind of data "My data" lists, each free text written as a marker <c>MARK-kind-END</c>:
/// <see cref="ConfidentialScenario"/>'s three cases, a case in sessions with a meeting, a shared resource and a journal entry,
/// a signed-in session, a mail preference switched off, a calendar subscription; and another beneficiary with their own markers.
/// </summary>
public static partial class PersonalDataScenario
{
    public const string MeetingPlace = "MARK-MeetingPlace-END";
    public const string ResourceTitle = "MARK-ResourceTitle-END";
    public const string OwnJournal = "MARK-InSessionsJournal-END";
    public const string OtherSituation = "MARK-OtherSituation-END";
    public const string OtherJournal = "MARK-OtherJournal-END";
    public const string OtherCaseNote = "MARK-OtherCaseNote-END";

    /// <summary>The override reason HR writes in <see cref="ConfidentialScenario"/>: the company's, never the beneficiary's.</summary>
    public const string HrOverrideReason = "Lien ancien, sans effet aujourd'hui.";

    /// <summary>What the beneficiary's own screens show them of <see cref="ConfidentialScenario"/>.</summary>
    public static readonly string[] SeenByTheBeneficiary =
    [
        "Request", "VerdictComment", "DraftStatement", "DraftMeasure", "ObjectiveStatement", "ObjectiveMeasure", "ClosingSummary", "ReferralNote", "CancellationReason",
        "JournalEntry", "CompanyText", "ActionItem", "SatisfactionComment",
    ];

    /// <summary>The intervener's notes, the intervener's comment to HR, the intervener's conflict declaration: never the beneficiary's.</summary>
    public static readonly string[] NeverSeenByTheBeneficiary = ["SessionNote", "ExtensionReason", "ConflictDescription"];

    public static string Marker(string kind) => $"MARK-{kind}-END";

    /// <summary>Every marker in a text, by kind.</summary>
    public static IReadOnlySet<string> MarkersIn(string text) => MarkerPattern().Matches(text).Select(m => m.Groups[1].Value).ToHashSet();

    public static async Task<Stored> StoreAsync(TestDatabase database, CancellationToken cancellationToken)
    {
        var (closed, excluded, cancelled) = await ConfidentialScenario.StoreEveryKindAsync(database, Marker);
        var inSessions = await database.SaveAsync(InSessions());
        var stored = new Stored(closed, excluded, cancelled, inSessions.Id);

        (await database.Meetings().ProposeAsync(Intervener, inSessions.Id,
            new MeetingPlan(MeetingKind.Session, [new MeetingSlot(Now.AddDays(3), 60)], SessionMode.OnSite, MeetingPlace, null), cancellationToken)).ShouldSucceed();
        (await database.ResourceLibrary().CreateAsync(Admin, new LibraryResourceInput(CoachingDomain.ManagementAndCommunication, null,
            ResourceTitle, null, "Décrire, exprimer, spécifier, conclure.", null, "https://example.org/desc"), cancellationToken)).ShouldSucceed();
        var resourceId = (await database.ResourceLibrary().ListAsync(Admin, cancellationToken)).Value.Single().Id;
        (await database.BetweenSessions().ShareAsync(Intervener, inSessions.Id, resourceId, cancellationToken)).ShouldSucceed();
        (await database.Journal().WriteAsync(Beneficiary, inSessions.Id, OwnJournal, cancellationToken)).ShouldSucceed();

        var other = CoachingCase.Propose(OtherManager, OtherBeneficiaryRef, Proposal() with { Description = OtherSituation }, BudgetBounds.Default, ProposedAt).Value;
        await database.SaveAsync(other);
        (await database.Journal().WriteAsync(OtherBeneficiary, other.Id, OtherJournal, cancellationToken)).ShouldSucceed();

        // The same intervener's note on another case: never in the closed case's notes export.
        (await database.SessionNotes().WriteNoteAsync(Intervener, inSessions.Id, inSessions.Sessions.First().Id, OtherCaseNote, cancellationToken)).ShouldSucceed();

        await using var db = database.CreateDbContext();
        db.UserSessions.Add(new UserSession { Id = "session-1", UserId = BeneficiaryId, Ticket = [1, 2, 3], CreatedAt = Now.AddHours(-2), LastSeenAt = Now, ExpiresAt = Now.AddHours(6) });
        db.MailPreferences.Add(new MailPreference { UserId = BeneficiaryId, Kind = NotificationKind.MeetingProposed });
        db.CalendarFeeds.Add(CalendarFeed.Issue(BeneficiaryId, Now.AddDays(-1)).Feed);
        await db.SaveChangesAsync(cancellationToken);
        return stored;
    }

    public sealed record Stored(Guid Closed, Guid Excluded, Guid Cancelled, Guid InSessions);

    [GeneratedRegex("MARK-(\\w+)-END")]
    private static partial Regex MarkerPattern();
}
