using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Preferences;
using CoupDePousse.App.Security;
using CoupDePousse.Domain.Common;
using CoupDePousse.Tests.TestSupport;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Preferences;

/// <summary>A person's preferences: a zone from the offered list only, and a calendar link for the people who have meetings.</summary>
public class PreferencesServiceTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync() => await database.DisposeAsync();

    private PreferencesService Service() =>
        new(database, database.Clock, new SecurityAudit(database, database.Clock, new HttpContextAccessor()), database.Logger<PreferencesService>());

    private async Task<string?> StoredZoneAsync(string userId)
    {
        await using var db = database.CreateDbContext();
        return await db.Users.Where(u => u.Id == userId).Select(u => u.TimeZoneId).SingleAsync(Token);
    }

    [Fact]
    public async Task A_zone_outside_the_offered_list_is_refused_and_changes_nothing()
    {
        (await Service().SetTimeZoneAsync(Beneficiary, "America/Montreal", Token)).IsSuccess.Should().BeTrue();

        var refused = await Service().SetTimeZoneAsync(Beneficiary, "Asia/Tokyo", Token);

        refused.Error.Should().Be(TimeZoneChoices.UnknownZone);
        (await StoredZoneAsync(BeneficiaryId)).Should().Be("America/Montreal");
    }

    [Fact]
    public async Task Choosing_paris_again_stores_no_choice()
    {
        await Service().SetTimeZoneAsync(Intervener, "Indian/Reunion", Token);

        await Service().SetTimeZoneAsync(Intervener, TimeZoneChoices.DefaultId, Token);

        (await StoredZoneAsync(IntervenerId)).Should().BeNull();
        (await Service().GetAsync(Intervener, Token)).TimeZoneId.Should().Be(TimeZoneChoices.DefaultId);
    }

    [Theory]
    [InlineData(Who.Hr)]
    [InlineData(Who.Manager)]
    public async Task Only_people_with_meetings_create_a_calendar_link(Who who)
    {
        var actor = Of(who);

        (await Service().CreateFeedAsync(actor, Token)).IsFailure.Should().BeTrue();

        await using var db = database.CreateDbContext();
        (await db.CalendarFeeds.AnyAsync(Token)).Should().BeFalse();
        (await Service().GetAsync(actor, Token)).HasMeetings.Should().BeFalse();
    }

    [Fact]
    public async Task Creating_and_revoking_a_link_are_in_the_security_trail_without_the_token()
    {
        var token = (await Service().CreateFeedAsync(Beneficiary, Token)).Value;
        await Service().RevokeFeedAsync(Beneficiary, Token);

        await using var db = database.CreateDbContext();
        var kinds = await db.SecurityEvents.Where(e => e.SubjectUserId == BeneficiaryId).Select(e => e.Kind).ToListAsync(Token);
        kinds.Should().Equal(SecurityEventKind.CalendarFeedCreated, SecurityEventKind.CalendarFeedRevoked);
        (await db.SecurityEvents.AnyAsync(e => e.NewValue == token || e.OldValue == token, Token)).Should().BeFalse();
        (await db.CalendarFeeds.AnyAsync(Token)).Should().BeFalse();
    }
}
