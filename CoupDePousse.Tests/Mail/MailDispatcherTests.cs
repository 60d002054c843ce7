using CoupDePousse.App.Data;
using CoupDePousse.App.Mail;
using CoupDePousse.Domain.Notifications;
using CoupDePousse.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Mail;

/// <summary>The sender of notification mails, on a real database: each pending mail sent once, skipped or retried.</summary>
public class MailDispatcherTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync()
    {
        await database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private MailDispatcher Dispatcher(IMailTransport transport, int port = 25) =>
        new(database, transport, TestMail.Composer(TestMail.Options(port)), new MailWakeUp(), database.Clock, TestMail.Options(port), database.Logger<MailDispatcher>());

    private async Task<Notification> NotifyAsync(string recipientId, NotificationKind kind, Guid? caseId = null, Guid? meetingId = null)
    {
        await using var db = database.CreateDbContext();
        var notification = new Notification
        {
            RecipientId = recipientId,
            Kind = kind,
            CaseId = caseId ?? Guid.NewGuid(),
            MeetingId = meetingId,
            CreatedAt = database.Clock.GetUtcNow(),
        };
        db.Notifications.Add(notification);
        await db.SaveChangesAsync(Token);
        database.Clock.Advance(TimeSpan.FromSeconds(1));
        return notification;
    }

    private async Task<Notification> ReloadAsync(Guid id)
    {
        await using var db = database.CreateDbContext();
        return await db.Notifications.AsNoTracking().SingleAsync(n => n.Id == id, Token);
    }

    private async Task SetUserAsync(string userId, Action<ApplicationUser> change)
    {
        await using var db = database.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.Id == userId, Token);
        change(user);
        await db.SaveChangesAsync(Token);
    }

    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Each_pending_mail_is_sent_exactly_once_even_with_two_senders_running_at_once(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            if (!TestDatabase.PostgresConfigured)
            {
                Assert.Skip($"{TestDatabase.PostgresVariable} is not set; ./scripts/test.sh starts PostgreSQL and sets it.");
            }

            await database.DisposeAsync();
            database = await TestDatabase.CreateAsync(provider);
        }

        await using var server = await TestSmtpServer.StartAsync();
        var notifications = new List<Notification>();
        foreach (var recipient in new[] { BeneficiaryId, IntervenerId, HrId, ManagerId, BeneficiaryId, IntervenerId, HrId, ManagerId, BeneficiaryId, IntervenerId, HrId, ManagerId })
        {
            notifications.Add(await NotifyAsync(recipient, NotificationKind.CaseWaiting));
        }

        var first = Dispatcher(new SmtpMailTransport(TestMail.Options(server.Port)), server.Port);
        var second = Dispatcher(new SmtpMailTransport(TestMail.Options(server.Port)), server.Port);
        for (var pass = 0; pass < 4; pass++)
        {
            await Task.WhenAll(Task.Run(() => first.RunOnceAsync(Token), Token), Task.Run(() => second.RunOnceAsync(Token), Token));
        }

        (await server.WaitForAsync(notifications.Count)).Should().HaveCount(notifications.Count);
        await Task.Delay(200, Token);
        server.Messages.Should().HaveCount(notifications.Count, "no mail is sent twice");
        foreach (var notification in notifications)
        {
            var stored = await ReloadAsync(notification.Id);
            stored.MailStatus.Should().Be(MailStatus.Sent);
            stored.MailAttempts.Should().Be(1);
            stored.MailSentAt.Should().Be(database.Clock.GetUtcNow());
        }

        (await first.RunOnceAsync(Token)).Handled.Should().Be(0, "a sent mail is never taken again");
    }

    [Fact]
    public async Task A_mail_claimed_by_another_sender_is_not_taken_while_its_lease_runs()
    {
        var notification = await NotifyAsync(BeneficiaryId, NotificationKind.ObjectivesToSet);
        await using (var db = database.CreateDbContext())
        {
            // Another instance claimed it and is sending it right now.
            await db.Notifications.Where(n => n.Id == notification.Id).ExecuteUpdateAsync(set => set
                .SetProperty(n => n.MailAttempts, 1)
                .SetProperty(n => n.MailNextAttemptAt, database.Clock.GetUtcNow() + MailDispatcher.Lease), Token);
        }

        var transport = new RecordingMailTransport();
        (await Dispatcher(transport).RunOnceAsync(Token)).Handled.Should().Be(0);
        transport.Messages.Should().BeEmpty();

        // The other instance died mid-send: once the lease ends, the mail is taken again.
        database.Clock.Advance(MailDispatcher.Lease);
        (await Dispatcher(transport).RunOnceAsync(Token)).Sent.Should().Be(1);
        transport.Messages.Should().ContainSingle();
    }

    [Fact]
    public async Task A_kind_the_person_switched_off_and_a_disabled_account_are_skipped_and_never_sent()
    {
        await using (var db = database.CreateDbContext())
        {
            db.MailPreferences.Add(new MailPreference { UserId = BeneficiaryId, Kind = NotificationKind.MeetingReminder });
            await db.SaveChangesAsync(Token);
        }

        await SetUserAsync(IntervenerId, user => user.DisabledAt = database.Clock.GetUtcNow());
        var switchedOff = await NotifyAsync(BeneficiaryId, NotificationKind.MeetingReminder);
        var disabled = await NotifyAsync(IntervenerId, NotificationKind.MeetingReminder);
        var stillOn = await NotifyAsync(BeneficiaryId, NotificationKind.MeetingConfirmed);
        var transport = new RecordingMailTransport();

        var pass = await Dispatcher(transport).RunOnceAsync(Token);

        pass.Should().Be(new MailPassResult(Sent: 1, Skipped: 2, Retried: 0, Failed: 0));
        (await ReloadAsync(switchedOff.Id)).MailStatus.Should().Be(MailStatus.Skipped);
        (await ReloadAsync(disabled.Id)).MailStatus.Should().Be(MailStatus.Skipped);
        (await ReloadAsync(stillOn.Id)).MailStatus.Should().Be(MailStatus.Sent);
        transport.Messages.Should().ContainSingle().Which.Subject.Should().Be("Rendez-vous confirmé");
    }

    [Fact]
    public async Task The_running_sender_sends_as_soon_as_it_is_woken_and_survives_a_failing_pass()
    {
        var transport = new RecordingMailTransport { FailuresLeft = 1 };
        var options = Microsoft.Extensions.Options.Options.Create(new MailOptions { PollSeconds = 600, BatchSize = 5 });
        var wakeUp = new MailWakeUp();
        using var dispatcher = new MailDispatcher(database, transport, TestMail.Composer(), wakeUp, database.Clock, options, database.Logger<MailDispatcher>());
        await dispatcher.StartAsync(Token);
        try
        {
            await NotifyAsync(BeneficiaryId, NotificationKind.ObjectivesToRate);
            wakeUp.Wake();
            await WaitUntilAsync(() => database.Logs.Entries.Any(e => e.Message.Contains("will retry", StringComparison.Ordinal)));
            database.Clock.Advance(MailDispatcher.Backoff(1));

            wakeUp.Wake();

            await WaitUntilAsync(() => transport.Messages.Count == 1);
            transport.Messages.Should().ContainSingle("the poll interval is ten minutes: only the wake-up explains this mail");
            database.Logs.Entries.Should().Contain(e => e.Message.StartsWith("Mail: no SMTP server configured", StringComparison.Ordinal) || e.Message.StartsWith("Mail: sending through", StringComparison.Ordinal));
        }
        finally
        {
            await dispatcher.StopAsync(CancellationToken.None);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (!condition() && DateTime.UtcNow < until)
        {
            await Task.Delay(20, Token);
        }

        condition().Should().BeTrue();
    }

    [Fact]
    public async Task A_person_without_an_address_is_skipped()
    {
        await SetUserAsync(HrId, user => user.Email = null);
        var notification = await NotifyAsync(HrId, NotificationKind.InterveningToAssign);

        await Dispatcher(new RecordingMailTransport()).RunOnceAsync(Token);

        (await ReloadAsync(notification.Id)).MailStatus.Should().Be(MailStatus.Skipped);
    }

    [Fact]
    public async Task A_failing_server_is_retried_after_a_growing_wait_then_given_up_after_five_attempts()
    {
        var notification = await NotifyAsync(BeneficiaryId, NotificationKind.ProposalToAnswer);
        var transport = new RecordingMailTransport { FailuresLeft = 100 };
        var dispatcher = Dispatcher(transport);

        (await dispatcher.RunOnceAsync(Token)).Retried.Should().Be(1);
        var afterFirst = await ReloadAsync(notification.Id);
        afterFirst.MailStatus.Should().Be(MailStatus.Pending);
        afterFirst.MailAttempts.Should().Be(1);
        (await dispatcher.RunOnceAsync(Token)).Handled.Should().Be(0, "the next attempt waits");

        for (var attempt = 2; attempt <= 5; attempt++)
        {
            database.Clock.Advance(MailDispatcher.Backoff(attempt - 1));
            (await dispatcher.RunOnceAsync(Token)).Handled.Should().Be(1);
        }

        var failed = await ReloadAsync(notification.Id);
        failed.MailStatus.Should().Be(MailStatus.Failed);
        failed.MailAttempts.Should().Be(5);
        database.Clock.Advance(TimeSpan.FromDays(1));
        (await dispatcher.RunOnceAsync(Token)).Handled.Should().Be(0);
        database.Logs.Entries.Should().NotContain(entry => entry.Message.Contains("/cases/", StringComparison.Ordinal), "no link is logged");
    }

    [Fact]
    public async Task A_server_back_after_a_failure_gets_the_mail_on_the_next_attempt()
    {
        var notification = await NotifyAsync(BeneficiaryId, NotificationKind.DecisionToMake);
        var transport = new RecordingMailTransport { FailuresLeft = 1 };
        var dispatcher = Dispatcher(transport);

        await dispatcher.RunOnceAsync(Token);
        database.Clock.Advance(MailDispatcher.Backoff(1));
        await dispatcher.RunOnceAsync(Token);

        var sent = await ReloadAsync(notification.Id);
        sent.MailStatus.Should().Be(MailStatus.Sent);
        sent.MailAttempts.Should().Be(2);
        transport.Messages.Should().ContainSingle();
    }

    [Theory]
    [InlineData(null, "Un coup de pousse vous est proposé", "Bonjour Bénédicte Bénéficiaire,")]
    [InlineData("fr", "Un coup de pousse vous est proposé", "Bonjour Bénédicte Bénéficiaire,")]
    [InlineData("en", "A coup de pousse is offered to you", "Hello Bénédicte Bénéficiaire,")]
    public async Task The_mail_is_written_in_the_language_the_person_chose(string? language, string subject, string greeting)
    {
        await SetUserAsync(BeneficiaryId, user => user.Language = language);
        await NotifyAsync(BeneficiaryId, NotificationKind.ProposalToAnswer);
        var transport = new RecordingMailTransport();

        await Dispatcher(transport).RunOnceAsync(Token);

        var message = transport.Messages.Should().ContainSingle().Subject;
        message.Subject.Should().Be(subject);
        message.TextBody.Should().StartWith(greeting);
    }

    [Fact]
    public async Task A_confirmed_meeting_time_is_given_in_the_person_s_time_zone()
    {
        var coachingCase = await database.SaveAsync(InSessions());
        var meeting = CoupDePousse.Domain.Meetings.Meeting.Propose(Intervener, CoupDePousse.Domain.Meetings.MeetingCase.Of(coachingCase),
            CoupDePousse.Domain.Meetings.MeetingKind.Session, [new(new DateTimeOffset(2026, 11, 23, 14, 0, 0, TimeSpan.Zero), 60)],
            CoupDePousse.Domain.Cases.SessionMode.Phone, null, null, CoupDePousse.Domain.Meetings.MeetingAgenda.Empty, Now).ShouldSucceed();
        meeting.Pick(Beneficiary, meeting.OfferedSlots[0], CoupDePousse.Domain.Meetings.MeetingAgenda.Empty, Now).ShouldSucceed();
        await using (var db = database.CreateDbContext())
        {
            // Stored as it stands, without telling anyone: the two rows below are the ones under test.
            db.WritesNotifications = false;
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync(Token);
        }

        await SetUserAsync(IntervenerId, user => (user.Language, user.TimeZoneId) = ("en", "America/New_York"));
        await NotifyAsync(BeneficiaryId, NotificationKind.MeetingConfirmed, coachingCase.Id, meeting.Id);
        await NotifyAsync(IntervenerId, NotificationKind.MeetingConfirmed, coachingCase.Id, meeting.Id);
        var transport = new RecordingMailTransport();

        await Dispatcher(transport).RunOnceAsync(Token);

        var messages = transport.Messages;
        messages.Should().HaveCount(2);
        messages[0].TextBody.Should().Contain("Rendez-vous : lundi 23 novembre 2026 à 15h00 (Europe/Paris)");
        messages[1].TextBody.Should().Contain("Meeting: Monday, November 23, 2026 at 09:00 (America/New_York)");
        messages[0].TextBody.Should().Contain($"{TestMail.BaseUrl}cases/{coachingCase.Id}/meetings");
    }
}
