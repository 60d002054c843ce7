using System.Resources;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Meetings;
using CoupDePousse.Domain.Notifications;
using CoupDePousse.Tests.EndToEnd.Support;
using Ical.Net;
using Microsoft.Playwright;
using MimeKit;
using static CoupDePousse.Tests.EndToEnd.Steps.CaseFlows;
using static Microsoft.Playwright.Assertions;

namespace CoupDePousse.Tests.EndToEnd.Journeys;

/// <summary>
/// The rhythm of a coup de pousse: the intervener offers two slots, the beneficiary picks one, it lands in both agendas and
/// calendars, and once held it becomes the logged session, in one step.
/// </summary>
[Collection(CalendarJourneyCollection.Name)]
public sealed class CalendarJourneyTests(CalendarFixture fixture) : EndToEndTest(fixture)
{
    private const string Sophie = "Sophie Lefèvre";
    private const string Isabelle = "Isabelle Fontaine";

    [Fact]
    public async Task Two_slots_offered_one_picked_held_and_logged_as_the_session()
    {
        var manager = await SignInAsync(DemoUsers.Manager);
        var hr = await SignInAsync(DemoUsers.Hr);
        var sophie = await SignInAsync(DemoUsers.Beneficiary);
        var isabelle = await SignInAsync(DemoUsers.Intervener);

        // A case brought to its first session: proposed, assigned, interview, verdicts, objectives set.
        var caseId = await ProposeAsync(manager, new Proposal(Sophie));
        await AssignAsync(hr, caseId, Isabelle);
        await AgreeToMeetAsync(sophie, caseId);
        await RecordInterviewAsync(isabelle, caseId);
        await ContinueAsync(sophie, caseId);
        await OpenCaseAsync(hr, caseId);
        await RecordVerdictsAsync(hr, "company", CompanyCriteria);
        await OpenCaseAsync(isabelle, caseId);
        await RecordVerdictsAsync(isabelle, "intervener", IntervenerCriteria);
        await ExpectStateAsync(isabelle, CaseState.Accepted);
        await FillTextAsync(isabelle.GetByTestId("field-objective-1-statement"), "Mener les deux entretiens");
        await FillTextAsync(isabelle.GetByTestId("field-objective-1-success"), "Les deux entretiens ont eu lieu");
        await ClickAndWaitForHistoryAsync(isabelle, isabelle.GetByTestId("action-DraftObjectives"), CaseTrigger.DraftObjectives);
        await OpenCaseAsync(sophie, caseId);
        await SetObjectivesAsync(sophie, 3);
        await AcceptAgreementByAllAsync(sophie, isabelle, hr, caseId);

        // Isabelle offers two one-hour video slots, later today (or tomorrow), Paris time.
        var first = NextQuarterHour(Fixture.Clock.GetUtcNow().AddMinutes(30));
        var second = first.AddHours(2);
        await OpenAsync(isabelle, $"/cases/{caseId}/meetings");
        await ChooseAsync(isabelle, "field-meeting-mode", "Visio");
        await FillTextAsync(isabelle.GetByTestId("field-meeting-link"), "https://visio.example.org/calendar-journey");
        await EnterSlotAsync(isabelle, 0, first, 60);
        await EnterSlotAsync(isabelle, 1, second, 60);
        await isabelle.GetByTestId("action-propose-meeting").ClickAsync();
        var offered = isabelle.GetByTestId("case-meeting");
        await Expect(offered).ToHaveAttributeAsync("data-status", nameof(MeetingStatus.Proposed));
        var meetingId = Guid.Parse((await offered.GetAttributeAsync("data-meeting-id"))!);

        // Sophie is told by mail, within seconds, and her bell counts what waits on her.
        await ExpectMailAsync(DemoUsers.Beneficiary, NotificationKind.MeetingProposed);
        await OpenAsync(sophie, $"/cases/{caseId}/meetings");
        await Expect(sophie.GetByTestId("notification-count")).ToBeVisibleAsync();

        // Sophie sees both slots and picks the second.
        var slots = sophie.GetByTestId("action-pick-slot");
        await Expect(slots).ToHaveCountAsync(2);
        await slots.Nth(1).ClickAsync();
        await Expect(sophie.GetByTestId("case-meeting")).ToHaveAttributeAsync("data-status", nameof(MeetingStatus.Confirmed));
        await ExpectMailAsync(DemoUsers.Intervener, NotificationKind.MeetingConfirmed);

        // It is within a day: the reminder job tells both, once.
        await ExpectMailAsync(DemoUsers.Beneficiary, NotificationKind.MeetingReminder);
        await ExpectMailAsync(DemoUsers.Intervener, NotificationKind.MeetingReminder);

        // Both agendas show it first, at its Paris time.
        var parisTime = MeetingTimes.ToLocal(second).ToString("HH:mm");
        foreach (var participant in new[] { sophie, isabelle })
        {
            await OpenDashboardAsync(participant);
            var next = participant.GetByTestId("agenda-next");
            await Expect(next).ToHaveAttributeAsync("data-meeting-id", meetingId.ToString());
            await Expect(next.GetByTestId("meeting-time")).ToContainTextAsync(parisTime);
        }

        // The calendar file parses, at the picked time, with a neutral title and nothing of the case.
        var download = await sophie.APIRequest.GetAsync($"/meetings/{meetingId}/calendar.ics");
        download.Status.Should().Be(200);
        var ics = await download.TextAsync();
        var calendarEvent = Calendar.Load(ics)!.Events.Should().ContainSingle().Subject;
        calendarEvent.Uid.Should().StartWith(meetingId.ToString());
        calendarEvent.Start!.AsUtc.Should().Be(second.UtcDateTime);
        ics.Should().NotContain("entretiens").And.NotContain("Isabelle").And.NotContain("Sophie");

        // The hour has come: Isabelle records it as held, and it is the case's first session, its hour prefilled.
        Fixture.Clock.Advance(second - Fixture.Clock.GetUtcNow() + TimeSpan.FromMinutes(65));
        await OpenAsync(isabelle, $"/cases/{caseId}/meetings");
        await isabelle.GetByTestId("action-meeting-held").ClickAsync();
        await Expect(isabelle.GetByTestId("case-meeting")).ToHaveAttributeAsync("data-status", nameof(MeetingStatus.Held));
        await OpenCaseAsync(isabelle, caseId);
        await ExpectStateAsync(isabelle, CaseState.InSessions);
        await Expect(isabelle.GetByTestId("session")).ToHaveCountAsync(1);
        await Expect(isabelle.GetByTestId("hours-used")).ToHaveAttributeAsync("data-minutes", "60");

        // Sophie reads her notifications: the bell clears.
        await OpenAsync(sophie, "/notifications");
        await Expect(sophie.GetByTestId("notification-row").First).ToBeVisibleAsync();
        await sophie.GetByTestId("notifications-mark-all-read").ClickAsync();
        await Expect(sophie.GetByTestId("notification-count")).ToHaveCountAsync(0);

        // Every mail of the journey told what to do and where, never what the case is about.
        var mails = Fixture.Smtp.Messages;
        mails.Where(m => Recipient(m) == DemoUsers.Beneficiary || Recipient(m) == DemoUsers.Intervener).Should().HaveCountGreaterThanOrEqualTo(4);
        foreach (var mail in mails)
        {
            var everything = string.Join("\n", mail.Subject, mail.TextBody, mail.HtmlBody);
            everything.Should().NotContain("entretiens difficiles").And.NotContain("désorganisent").And.NotContain("Mener les deux entretiens")
                .And.NotContain("calendar-journey").And.NotContain("visio.example.org");
        }

        mails.Count(m => Recipient(m) == DemoUsers.Beneficiary && m.Subject == Subject(NotificationKind.MeetingReminder))
            .Should().Be(1, "the reminder goes once, however often the job looks");
    }

    private static readonly ResourceManager MailText = new(typeof(App.Mail.MailText));

    private static string Subject(NotificationKind kind) => MailText.GetString($"Subject.{kind}", System.Globalization.CultureInfo.GetCultureInfo("fr"))!;

    private static string Recipient(MimeMessage mail) => mail.To.Mailboxes.Single().Address;

    /// <summary>Waits (10 s at most) for the mail of this kind to this person to reach the test's SMTP server.</summary>
    private async Task ExpectMailAsync(string to, NotificationKind kind)
    {
        var subject = Subject(kind);
        for (var waited = 0; waited < 100; waited++)
        {
            if (Fixture.Smtp.Messages.Any(m => Recipient(m) == to && m.Subject == subject))
            {
                return;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Fixture.Smtp.Messages.Select(m => $"{Recipient(m)}: {m.Subject}").Should().Contain($"{to}: {subject}", "the step sends its mail within seconds");
    }

    private new CalendarFixture Fixture => (CalendarFixture)base.Fixture;

    private static DateTimeOffset NextQuarterHour(DateTimeOffset instant)
    {
        var quarter = TimeSpan.FromMinutes(15).Ticks;
        var ticks = (instant.UtcTicks + quarter - 1) / quarter * quarter;
        return new DateTimeOffset(ticks, TimeSpan.Zero);
    }

    /// <summary>Types a slot's date, time and minutes into the editable pickers, as a keyboard user would.</summary>
    private static async Task EnterSlotAsync(IPage page, int index, DateTimeOffset startsAt, int minutes)
    {
        var local = MeetingTimes.ToLocal(startsAt);
        await FillTextAsync(page.GetByTestId($"field-slot-date-{index}"), local.ToString("dd/MM/yyyy"));
        await FillTextAsync(page.GetByTestId($"field-slot-time-{index}"), local.ToString("HH:mm"));
        await FillNumberAsync(page.GetByTestId($"field-slot-minutes-{index}"), minutes);
    }
}
