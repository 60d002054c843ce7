using System.Globalization;
using System.Text;
using System.Threading.RateLimiting;
using CoupDePousse.App.Data;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CoupDePousse.App.Features.Meetings;

/// <summary>How often one address may read one feed (a calendar polls every few minutes to hours).</summary>
public sealed class CalendarFeedOptions
{
    public const string Section = "CalendarFeed";

    public int RequestsPerMinute { get; set; } = 30;
}

/// <summary>
/// A person's meetings as a subscription feed, at a secret address (decision 022): anonymous, read-only, rate-limited per
/// token and address; an unknown, revoked or disabled account's token gets the same 404 as any other wrong address.
/// </summary>
public static class CalendarFeedEndpoint
{
    public const string RateLimitPolicy = "calendar-feed";

    public static IServiceCollection AddCalendarFeed(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CalendarFeedOptions>(configuration.GetSection(CalendarFeedOptions.Section));
        services.Configure<RateLimiterOptions>(options => options.AddPolicy(RateLimitPolicy, context =>
        {
            var limit = context.RequestServices.GetRequiredService<IOptions<CalendarFeedOptions>>().Value.RequestsPerMinute;
            var token = context.Request.RouteValues["token"] as string ?? "";
            // The hash, not the token, keys the partition: the limiter's memory never holds a usable secret.
            var key = $"{CalendarFeed.HashOf(token)}|{context.Connection.RemoteIpAddress}";
            return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limit,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });
        }));
        return services;
    }

    public static IEndpointConventionBuilder MapCalendarFeed(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/calendar/feed/{token}.ics", async (string token, HttpContext context, MeetingService meetings, IStringLocalizer<MeetingText> texts) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            var feed = await meetings.FeedAsync(token, context.RequestAborted);
            if (feed is null)
            {
                return Results.NotFound();
            }

            // The feed is read by a calendar, not a browser: its words follow the language the person last chose.
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(feed.Language == "en" ? "en" : "fr");
            var calendar = MeetingCalendar.Feed(feed.Meetings, MeetingCalendarEndpoint.CalendarTexts(texts), texts["Calendar.FeedName"]);
            return Results.Text(calendar, "text/calendar; charset=utf-8", Encoding.UTF8);
        }).AllowAnonymous().RequireRateLimiting(RateLimitPolicy);
}
