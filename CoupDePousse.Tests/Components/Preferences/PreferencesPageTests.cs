using Bunit;
using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Preferences;
using CoupDePousse.App.Security;
using CoupDePousse.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Components.Preferences;

/// <summary>The preferences page: the zone a person reads times in, and their private calendar link, shown once.</summary>
public class PreferencesPageTests : FeaturePageContext
{
    private static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    public PreferencesPageTests()
    {
        Services.AddHttpContextAccessor();
        Services.AddScoped<SecurityAudit>();
    }

    private async Task<string?> StoredZoneAsync(string userId)
    {
        await using var db = Database.CreateDbContext();
        return await db.Users.Where(u => u.Id == userId).Select(u => u.TimeZoneId).SingleAsync(Token);
    }

    private async Task<string?> StoredHashAsync(string userId)
    {
        await using var db = Database.CreateDbContext();
        return await db.CalendarFeeds.Where(f => f.UserId == userId).Select(f => f.TokenHash).SingleOrDefaultAsync(Token);
    }

    [Fact]
    public async Task A_person_chooses_the_zone_they_read_times_in()
    {
        SignInAs(Beneficiary);
        var page = Render<PreferencesPage>();

        page.WaitForElement("[data-testid=preference-timezone]", Patience);
        (await StoredZoneAsync(BeneficiaryId)).Should().BeNull("Paris is the default");
        await page.InvokeAsync(() => page.FindComponent<MudBlazor.MudSelect<string>>().Instance.ValueChanged.InvokeAsync("America/Montreal"));
        page.Find("[data-testid=preference-timezone-save]").Click();

        page.WaitForElement("[data-testid=status-message]", Patience);
        (await StoredZoneAsync(BeneficiaryId)).Should().Be("America/Montreal");
    }

    [Fact]
    public async Task The_subscription_link_is_shown_once_then_only_its_existence_and_a_revoke_ends_it()
    {
        SignInAs(Intervener);
        var page = Render<PreferencesPage>();

        page.WaitForElement("[data-testid=calendar-feed-create]", Patience).Click();

        var url = page.WaitForElement("[data-testid=calendar-feed-url] input, input[data-testid=calendar-feed-url]", Patience).GetAttribute("value")!;
        var token = url[(url.LastIndexOf('/') + 1)..^".ics".Length];
        url.Should().Contain("/calendar/feed/");
        (await StoredHashAsync(IntervenerId)).Should().Be(CalendarFeed.HashOf(token));

        var again = Render<PreferencesPage>();
        again.WaitForElement("[data-testid=calendar-feed-state]", Patience);
        again.Markup.Should().NotContain(token, "the link is shown right after its creation only");

        again.Find("[data-testid=calendar-feed-revoke]").Click();
        again.WaitForElement("[data-testid=calendar-feed-message]", Patience);
        (await StoredHashAsync(IntervenerId)).Should().BeNull();
    }

    [Theory]
    [InlineData(Who.Hr)]
    [InlineData(Who.Manager)]
    public void People_without_meetings_are_told_they_have_none_to_subscribe_to(Who who)
    {
        SignInAs(Of(who));
        var page = Render<PreferencesPage>();

        page.WaitForElement("[data-testid=calendar-feed-none]", Patience);
        page.FindAll("[data-testid=calendar-feed-create]").Should().BeEmpty();
        page.FindAll("[data-testid=preference-timezone]").Should().NotBeEmpty("every role chooses a zone");
    }
}
