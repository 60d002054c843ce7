using Bunit;
using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Notifications;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Notifications;
using CoupDePousse.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Components.Notifications;

/// <summary>The bell and the notifications page: a person's own lines, content-free, newest first, read when opened.</summary>
public class NotificationPageTests : FeaturePageContext
{
    private static readonly Guid CaseId = Guid.CreateVersion7();

    private static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    private async Task<Guid> AddAsync(Actor recipient, NotificationKind kind, TimeSpan ago, bool read = false)
    {
        await using var db = Database.CreateDbContext();
        var notification = new Notification
        {
            RecipientId = recipient.UserId,
            Kind = kind,
            CaseId = CaseId,
            CreatedAt = Now - ago,
            ReadAt = read ? Now : null,
        };
        db.Notifications.Add(notification);
        await db.SaveChangesAsync(Token);
        return notification.Id;
    }

    private async Task<int> UnreadAsync(Actor actor)
    {
        await using var db = Database.CreateDbContext();
        return await db.Notifications.CountAsync(n => n.RecipientId == actor.UserId && n.ReadAt == null, Token);
    }

    [Fact]
    public async Task The_bell_shows_the_unread_count_with_a_label_that_says_it()
    {
        await AddAsync(Beneficiary, NotificationKind.ProposalToAnswer, TimeSpan.FromHours(3));
        await AddAsync(Beneficiary, NotificationKind.IntervenerAssigned, TimeSpan.FromHours(2));
        await AddAsync(Beneficiary, NotificationKind.MeetingProposed, TimeSpan.FromHours(1));
        await AddAsync(Beneficiary, NotificationKind.DecisionToMake, TimeSpan.FromHours(4), read: true);
        await AddAsync(Intervener, NotificationKind.MeetingConfirmed, TimeSpan.FromHours(1));
        SignInAs(Beneficiary);

        var bell = Render<NotificationBell>();

        bell.WaitForAssertion(() => bell.Find("[data-testid=notification-count] .mud-badge").TextContent.Trim().Should().Be("3"), Patience);
        var button = bell.Find("[data-testid=notification-bell]");
        button.GetAttribute("aria-label").Should().Be("Notifications, 3 non lues");
        button.GetAttribute("href").Should().Be("/notifications");
    }

    [Fact]
    public void With_nothing_unread_the_bell_has_no_count()
    {
        SignInAs(Intervener);

        var bell = Render<NotificationBell>();

        bell.WaitForAssertion(() => bell.Find("[data-testid=notification-bell]").GetAttribute("aria-label").Should().Be("Notifications"), Patience);
        bell.FindAll("[data-testid=notification-count]").Should().BeEmpty();
    }

    [Fact]
    public async Task The_bell_picks_up_a_new_notification_on_its_next_poll()
    {
        SignInAs(Beneficiary);
        var bell = Render<NotificationBell>();
        bell.WaitForElement("[data-testid=notification-bell]", Patience);

        await AddAsync(Beneficiary, NotificationKind.ObjectivesToSet, TimeSpan.Zero);
        Database.Clock.Advance(TimeSpan.FromSeconds(new NotificationOptions().PollSeconds));

        bell.WaitForAssertion(() => bell.Find("[data-testid=notification-count] .mud-badge").TextContent.Trim().Should().Be("1"), Patience);
    }

    [Fact]
    public async Task The_page_lists_the_person_s_own_lines_newest_first_unread_in_bold_with_links_and_no_case_content()
    {
        await AddAsync(Beneficiary, NotificationKind.ProposalToAnswer, TimeSpan.FromDays(2), read: true);
        await AddAsync(Beneficiary, NotificationKind.MeetingConfirmed, TimeSpan.FromHours(1));
        await AddAsync(OtherBeneficiary, NotificationKind.CaseEnded, TimeSpan.Zero);
        SignInAs(Beneficiary);

        var page = Render<NotificationsPage>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=notification-row]").Should().HaveCount(2), Patience);
        var rows = page.FindAll("[data-testid=notification-row]");
        rows.Select(r => r.GetAttribute("data-kind")).Should().Equal(nameof(NotificationKind.MeetingConfirmed), nameof(NotificationKind.ProposalToAnswer));
        rows[0].QuerySelector("[data-testid=notification-unread]").Should().NotBeNull();
        rows[0].QuerySelector("strong")!.TextContent.Should().Be("Un rendez-vous est confirmé.");
        rows[0].QuerySelector("[data-testid=notification-link]")!.GetAttribute("href").Should().Be($"/cases/{CaseId}/meetings");
        rows[1].QuerySelector("[data-testid=notification-unread]").Should().BeNull();
        rows[1].QuerySelector("strong").Should().BeNull();
        rows[1].QuerySelector("[data-testid=notification-link]")!.TextContent.Trim()
            .Should().Be("Un coup de pousse vous est proposé : vous pouvez accepter de rencontrer l'intervenant ou décliner.");
        rows[1].QuerySelector("[data-testid=notification-link]")!.GetAttribute("href").Should().Be($"/cases/{CaseId}");
        page.Markup.Should().NotContain(Situation).And.NotContain("Bénédicte");
    }

    [Fact]
    public async Task Opening_a_line_reads_it_and_goes_to_its_page()
    {
        await AddAsync(Beneficiary, NotificationKind.DecisionToMake, TimeSpan.FromHours(1));
        SignInAs(Beneficiary);
        var page = Render<NotificationsPage>();

        page.WaitForElement("[data-testid=notification-link]", Patience).Click();

        page.WaitForAssertion(() => Services.GetRequiredService<NavigationManager>().Uri.Should().EndWith($"/cases/{CaseId}"), Patience);
        (await UnreadAsync(Beneficiary)).Should().Be(0);
    }

    [Fact]
    public async Task Marking_all_read_clears_the_lines_and_the_bell()
    {
        await AddAsync(Beneficiary, NotificationKind.ProposalToAnswer, TimeSpan.FromHours(2));
        await AddAsync(Beneficiary, NotificationKind.IntervenerAssigned, TimeSpan.FromHours(1));
        await AddAsync(Intervener, NotificationKind.IntervenerAssigned, TimeSpan.FromHours(1));
        SignInAs(Beneficiary);
        var bell = Render<NotificationBell>();
        var page = Render<NotificationsPage>();
        bell.WaitForAssertion(() => bell.Find("[data-testid=notification-count] .mud-badge").TextContent.Trim().Should().Be("2"), Patience);

        page.WaitForElement("[data-testid=notifications-mark-all-read]", Patience).Click();

        page.WaitForAssertion(() => page.FindAll("[data-testid=notification-unread]").Should().BeEmpty(), Patience);
        bell.WaitForAssertion(() => bell.FindAll("[data-testid=notification-count]").Should().BeEmpty(), Patience);
        (await UnreadAsync(Beneficiary)).Should().Be(0);
        (await UnreadAsync(Intervener)).Should().Be(1, "a person marks only their own lines");
    }

    [Fact]
    public async Task A_manager_s_lines_say_only_in_progress_or_ended_and_lead_to_their_dashboard()
    {
        await AddAsync(Manager, NotificationKind.ProposalInProgress, TimeSpan.FromDays(3));
        await AddAsync(Manager, NotificationKind.ProposalEnded, TimeSpan.FromDays(1));
        SignInAs(Manager);

        var page = Render<NotificationsPage>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=notification-row]").Should().HaveCount(2), Patience);
        page.FindAll("[data-testid=notification-link]").Select(a => a.TextContent.Trim()).Should().Equal(
            "Le coup de pousse que vous avez proposé est terminé.", "Le coup de pousse que vous avez proposé est en cours.");
        page.FindAll("[data-testid=notification-link]").Should().OnlyContain(a => a.GetAttribute("href") == "/");
    }

    [Fact]
    public void Without_notifications_the_page_says_there_is_nothing_new()
    {
        SignInAs(Hr);

        var page = Render<NotificationsPage>();

        page.WaitForElement("[data-testid=notifications-empty]", Patience).TextContent.Should().Be("Rien de nouveau pour l'instant.");
        page.FindAll("[data-testid=notifications-mark-all-read]").Should().BeEmpty();
    }

    [Fact]
    public void The_page_reads_in_english()
    {
        UseCulture("en-US");
        SignInAs(Hr);

        var page = Render<NotificationsPage>();

        page.WaitForElement("[data-testid=notifications-empty]", Patience).TextContent.Should().Be("Nothing new for now.");
    }

    [Fact]
    public async Task A_line_s_time_is_read_on_the_person_s_own_clock()
    {
        await Database.SetTimeZoneAsync(Beneficiary.UserId, "America/Montreal");
        await using (var db = Database.CreateDbContext())
        {
            db.Notifications.Add(new Notification
            {
                RecipientId = Beneficiary.UserId,
                Kind = NotificationKind.MeetingConfirmed,
                CaseId = CaseId,
                CreatedAt = new DateTimeOffset(2026, 11, 23, 14, 0, 0, TimeSpan.Zero),
            });
            await db.SaveChangesAsync(Token);
        }

        SignInAs(Beneficiary);

        var page = Render<NotificationsPage>();

        // 14:00 UTC is 09:00 in Montreal in November (15:00 in Paris).
        page.WaitForElement("[data-testid=notification-row] time", Patience).TextContent.Should().Be("23 novembre 2026, 09:00");
    }
}
