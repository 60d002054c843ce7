using System.Net;
using CoupDePousse.App.Data;
using CoupDePousse.App.Data.Demo;
using CoupDePousse.App.Features.Meetings;
using CoupDePousse.Domain.Meetings;
using CoupDePousse.Tests.Features.Accounts;
using Ical.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoupDePousse.Tests.Features.Meetings;

/// <summary>The running app: a meeting's calendar file goes to its two participants and to nobody else.</summary>
public class MeetingCalendarEndpointTests(ShellAppFactory factory) : IClassFixture<ShellAppFactory>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<HttpClient> SignedInAsync(string? email)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (email is null)
        {
            return client;
        }

        (await LoginForm.DemoSignInAsync(client, email)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return client;
    }

    /// <summary>Sophie's confirmed session with Isabelle (the demo's other meeting is Thomas's interview, still to pick).</summary>
    private async Task<Guid> DemoMeetingAsync()
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Token);
        return await db.Meetings.Where(m => m.Status == MeetingStatus.Confirmed).Select(m => m.Id).SingleAsync(Token);
    }

    [Theory]
    [InlineData("beneficiary@demo.local")]
    [InlineData("intervener@demo.local")]
    public async Task A_participant_downloads_the_meeting_as_one_neutral_calendar_event(string email)
    {
        var meetingId = await DemoMeetingAsync();
        var client = await SignedInAsync(email);

        var response = await client.GetAsync(MeetingCalendarEndpoint.EventPath(meetingId), Token);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/calendar");
        var text = await response.Content.ReadAsStringAsync(Token);
        var calendar = Calendar.Load(text)!;
        var meeting = calendar.Events.Should().ContainSingle().Subject;
        meeting.Uid.Should().Be($"{meetingId}@coupdepousse");
        meeting.Summary.Should().StartWith("Coup de pousse");
        meeting.Location.Should().StartWith("https://visio.example.org/");
        text.Should().NotContainAny("Sophie", "équipe", "recadrage", "Service client");
    }

    [Theory]
    [InlineData("rh@demo.local")]
    [InlineData("manager@demo.local")]
    [InlineData("beneficiary2@demo.local")]
    [InlineData("intervener2@demo.local")]
    [InlineData("admin@demo.local")]
    public async Task Anyone_else_is_told_the_meeting_does_not_exist(string email)
    {
        var meetingId = await DemoMeetingAsync();
        var client = await SignedInAsync(email);

        var response = await client.GetAsync(MeetingCalendarEndpoint.EventPath(meetingId), Token);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync(Token)).Should().NotContain("BEGIN:VCALENDAR");
    }

    [Fact]
    public async Task Nobody_signed_out_downloads_a_meeting()
    {
        var response = await (await SignedInAsync(null)).GetAsync(MeetingCalendarEndpoint.EventPath(await DemoMeetingAsync()), Token);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Contain("/Account/Login");
    }
}
