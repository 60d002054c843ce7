using System.Net;
using System.Text;
using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Preferences;
using CoupDePousse.Domain.Common;
using CoupDePousse.Tests.Features.Accounts;
using Ical.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoupDePousse.Tests.Features.Preferences;

/// <summary>The running app with a small feed limit, so that a test reaches it.</summary>
public sealed class CalendarFeedAppFactory : ShellAppFactory
{
    public const int RequestsPerMinute = 5;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("CalendarFeed:RequestsPerMinute", RequestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>The private subscription feed over HTTP: the person's meetings only, neutral, at a secret that can be revoked.</summary>
public class CalendarFeedEndpointTests(CalendarFeedAppFactory factory) : IClassFixture<CalendarFeedAppFactory>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<Actor> DemoActorAsync(string email, Role role)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Token);
        return new Actor(await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Token), role);
    }

    private async Task<string> SubscribeAsync(Actor actor)
    {
        using var scope = factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<PreferencesService>().CreateFeedAsync(actor, Token)).Value;
    }

    private async Task RevokeAsync(Actor actor)
    {
        using var scope = factory.Services.CreateScope();
        (await scope.ServiceProvider.GetRequiredService<PreferencesService>().RevokeFeedAsync(actor, Token)).IsSuccess.Should().BeTrue();
    }

    [Fact]
    public async Task A_participants_feed_parses_and_holds_their_meetings_only_with_no_case_text()
    {
        var intervener = await DemoActorAsync("intervener@demo.local", Role.Intervener);
        var token = await SubscribeAsync(intervener);
        Guid demoMeeting;
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Token))
        {
            demoMeeting = await db.Meetings.Where(m => m.IntervenerId == intervener.UserId).Select(m => m.Id).SingleAsync(Token);
        }

        var response = await Client().GetAsync(CalendarFeed.PathOf(token), Token);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/calendar");
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        var text = await response.Content.ReadAsStringAsync(Token);
        var calendar = Calendar.Load(text)!;
        calendar.Events.Select(e => e.Uid).Should().Equal($"{demoMeeting}@coupdepousse");
        calendar.Events.Single().Summary.Should().StartWith("Coup de pousse");
        text.Should().NotContainAny("Sophie", "Lefèvre", "équipe", "recadrage", "Service client", "ATTENDEE", "ORGANIZER");
    }

    [Fact]
    public async Task A_person_without_meetings_gets_an_empty_feed_never_someone_elses()
    {
        var other = await DemoActorAsync("beneficiary2@demo.local", Role.Beneficiary);
        var token = await SubscribeAsync(other);

        var response = await Client().GetAsync(CalendarFeed.PathOf(token), Token);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        Calendar.Load(await response.Content.ReadAsStringAsync(Token))!.Events.Should().BeEmpty();
    }

    [Fact]
    public async Task A_revoked_token_answers_not_found_at_once_and_a_new_one_revokes_the_old()
    {
        var beneficiary = await DemoActorAsync("beneficiary@demo.local", Role.Beneficiary);
        var first = await SubscribeAsync(beneficiary);
        (await Client().GetAsync(CalendarFeed.PathOf(first), Token)).StatusCode.Should().Be(HttpStatusCode.OK);

        var second = await SubscribeAsync(beneficiary);

        (await Client().GetAsync(CalendarFeed.PathOf(first), Token)).StatusCode.Should().Be(HttpStatusCode.NotFound, "a new link replaces the old one");
        (await Client().GetAsync(CalendarFeed.PathOf(second), Token)).StatusCode.Should().Be(HttpStatusCode.OK);

        await RevokeAsync(beneficiary);

        var revoked = await Client().GetAsync(CalendarFeed.PathOf(second), Token);
        revoked.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await revoked.Content.ReadAsStringAsync(Token)).Should().NotContain("BEGIN:VCALENDAR");
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("x")]
    [InlineData("..%2F..%2Fetc%2Fpasswd")]
    public async Task An_unknown_token_answers_not_found(string token)
    {
        var response = await Client().GetAsync(CalendarFeed.PathOf(token), Token);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync(Token)).Should().NotContain("BEGIN:VCALENDAR");
    }

    [Fact]
    public async Task A_disabled_accounts_feed_answers_not_found()
    {
        var manager = await DemoActorAsync("intervener2@demo.local", Role.Intervener);
        var token = await SubscribeAsync(manager);
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Token))
        {
            await db.Users.Where(u => u.Id == manager.UserId).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisabledAt, DateTimeOffset.UtcNow), Token);
        }

        (await Client().GetAsync(CalendarFeed.PathOf(token), Token)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Past_the_limit_a_feed_answers_too_many_requests()
    {
        var token = "unknown-" + Guid.NewGuid().ToString("N");
        var client = Client();
        for (var i = 0; i < CalendarFeedAppFactory.RequestsPerMinute; i++)
        {
            (await client.GetAsync(CalendarFeed.PathOf(token), Token)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        }

        (await client.GetAsync(CalendarFeed.PathOf(token), Token)).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task The_database_holds_no_token_in_clear_only_its_hash()
    {
        var beneficiary = await DemoActorAsync("beneficiary@demo.local", Role.Beneficiary);
        var token = await SubscribeAsync(beneficiary);

        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Token))
        {
            var stored = await db.CalendarFeeds.SingleAsync(f => f.UserId == beneficiary.UserId, Token);
            stored.TokenHash.Should().Be(CalendarFeed.HashOf(token)).And.NotContain(token);
            (await db.SecurityEvents.Where(e => e.Kind == SecurityEventKind.CalendarFeedCreated && e.SubjectUserId == beneficiary.UserId).CountAsync(Token))
                .Should().BeGreaterThan(0, "creating a link is in the security trail");
            (await db.SecurityEvents.AnyAsync(e => (e.NewValue ?? "").Contains(token) || (e.OldValue ?? "").Contains(token), Token)).Should().BeFalse();
        }

        var bytes = Encoding.ASCII.GetBytes(token);
        foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(factory.DatabasePath)!, Path.GetFileName(factory.DatabasePath) + "*"))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var content = new MemoryStream();
            await stream.CopyToAsync(content, Token);
            content.ToArray().AsSpan().IndexOf(bytes).Should().Be(-1, $"{Path.GetFileName(file)} must not hold the token");
        }
    }
}
