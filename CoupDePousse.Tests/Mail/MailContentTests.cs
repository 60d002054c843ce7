using CoupDePousse.App.Data;
using CoupDePousse.App.Mail;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Meetings;
using CoupDePousse.Domain.Notifications;
using CoupDePousse.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Mail;

/// <summary>The neutral rule of mails: what to do and one link, never a case's content, a meeting's place or link, or another person's name.</summary>
public class MailContentTests : IAsyncLifetime
{
    private const string MeetingPlace = "Salle-Secrete-Orion-42";
    private const string MeetingLink = "https://visio.example.org/secret-room-77";

    private static readonly string[] People =
    [
        BeneficiaryId, IntervenerId, HrId, ManagerId,
    ];

    private TestDatabase database = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync()
    {
        await database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static string Secret(string kind) => $"Confidentiel-{kind}-zq81";

    public static TheoryData<string> Languages => new(["fr", "en"]);

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task No_mail_of_any_kind_carries_case_text_meeting_place_or_link_or_another_person_s_name(string language)
    {
        var (closed, _, _) = await ConfidentialScenario.StoreEveryKindAsync(database, Secret);
        var meetingId = await StoreMeetingAsync();
        await using (var db = database.CreateDbContext())
        {
            // Only the rows below, one per kind and person: the scenario's own notifications are not what is counted.
            await db.Notifications.ExecuteDeleteAsync(Token);
            foreach (var user in await db.Users.ToListAsync(Token))
            {
                user.Language = language;
            }

            var created = database.Clock.GetUtcNow();
            foreach (var kind in Enum.GetValues<NotificationKind>())
            {
                foreach (var person in People)
                {
                    db.Notifications.Add(new Notification { RecipientId = person, Kind = kind, CaseId = closed, MeetingId = meetingId, CreatedAt = created });
                }
            }

            await db.SaveChangesAsync(Token);
        }

        var transport = new RecordingMailTransport();
        var dispatcher = new MailDispatcher(database, transport, TestMail.Composer(), new MailWakeUp(), database.Clock, TestMail.Options(),
            database.Logger<MailDispatcher>());
        while ((await dispatcher.RunOnceAsync(Token)).Handled > 0)
        {
        }

        var names = await NamesAsync();
        transport.Messages.Should().HaveCount(Enum.GetValues<NotificationKind>().Length * People.Length);
        foreach (var message in transport.Messages)
        {
            var recipient = message.To.Mailboxes.Single();
            var everything = string.Join("\n", message.Subject, message.TextBody, message.HtmlBody, message.To.ToString(), message.From.ToString());
            foreach (var kind in ConfidentialScenario.Kinds)
            {
                everything.Should().NotContain(Secret(kind), "a mail carries no case text");
            }

            everything.Should().NotContain(MeetingPlace).And.NotContain(MeetingLink).And.NotContain("visio.example.org");
            foreach (var other in names.Where(n => n.Email != recipient.Address))
            {
                everything.Should().NotContain(other.DisplayName, "a mail to {0} names nobody else", recipient.Address);
            }

            var links = System.Text.RegularExpressions.Regex.Matches(message.TextBody ?? "", @"https?://\S+").Select(m => m.Value).Distinct().ToList();
            links.Should().ContainSingle("a mail has one link, into the app").Which.Should().StartWith(TestMail.BaseUrl);
        }
    }

    [Theory]
    [InlineData(NotificationKind.ProposalInProgress, "/")]
    [InlineData(NotificationKind.ProposalEnded, "/")]
    [InlineData(NotificationKind.MeetingReminder, "/cases/{case}/meetings")]
    [InlineData(NotificationKind.OtherSlotsRequested, "/cases/{case}/meetings")]
    [InlineData(NotificationKind.ObjectivesToSet, "/cases/{case}")]
    public void The_link_leads_to_the_case_its_meetings_or_for_a_manager_the_dashboard(NotificationKind kind, string path)
    {
        var caseId = Guid.NewGuid();

        MailComposer.LinkPath(kind, caseId).Should().Be(path.Replace("{case}", caseId.ToString(), StringComparison.Ordinal));
        MailComposer.LinkPath(NotificationKind.CaseWaiting, null).Should().Be("/notifications");
    }

    private async Task<Guid> StoreMeetingAsync()
    {
        var coachingCase = await database.SaveAsync(InSessions());
        var meeting = Meeting.Propose(Intervener, MeetingCase.Of(coachingCase), MeetingKind.Session,
            [new MeetingSlot(new DateTimeOffset(2026, 11, 23, 14, 0, 0, TimeSpan.Zero), 60)], SessionMode.Video, MeetingPlace, MeetingLink,
            MeetingAgenda.Empty, Now).ShouldSucceed();
        meeting.Pick(Beneficiary, meeting.OfferedSlots[0], MeetingAgenda.Empty, Now).ShouldSucceed();
        await using var db = database.CreateDbContext();
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(Token);
        return meeting.Id;
    }

    private async Task<List<(string Email, string DisplayName)>> NamesAsync()
    {
        await using var db = database.CreateDbContext();
        return (await db.Users.Select(u => new { u.Email, u.DisplayName }).ToListAsync(Token)).Select(u => (u.Email!, u.DisplayName)).ToList();
    }
}
