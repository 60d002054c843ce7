using AngleSharp.Dom;
using Bunit;
using Bunit.Rendering;
using CoupDePousse.App.Features.Administration;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.Components.Cases;
using CoupDePousse.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Components.Common;

/// <summary>Numbers are never silently changed: a refused value is said under its field, in the page's language, and nothing is sent.</summary>
public class NumberFieldTests : FeaturePageContext
{
    private const string OutOfInterviewRange = "Indiquez une valeur de 15 min à 3 h.";
    private const string NotANumber = "Ce n'est pas un nombre : des chiffres seulement, avec une virgule ou un point pour les décimales.";

    private static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    private static string? ErrorUnder(IRenderedComponent<ContainerFragment> cut, string testId) =>
        cut.Find($"[data-testid={testId}]").Closest(".mud-input-control")?.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim()
            .Replace('\u00a0', ' ').Replace('\u202f', ' ');

    private static void Type(IRenderedComponent<ContainerFragment> cut, string testId, string text) => cut.Find($"[data-testid={testId}]").Change(text);

    [Theory]
    [InlineData("0", OutOfInterviewRange)]
    [InlineData("-15", OutOfInterviewRange)]
    [InlineData("2147483647", OutOfInterviewRange)]
    [InlineData("99999999999999999999", OutOfInterviewRange)]
    [InlineData("", "Saisissez un nombre.")]
    [InlineData("abc", NotANumber)]
    [InlineData("1e5", NotANumber)]
    [InlineData("1.5", "Les minutes se comptent en nombre entier (par exemple 45 ou 90).")]
    [InlineData("50", "Les durées se comptent en quarts d'heure : 50 n'est pas un multiple de 15 minutes (essayez 45 min ou 1 h).")]
    public async Task A_refused_interview_duration_is_said_under_the_field_and_nothing_is_recorded(string typed, string message)
    {
        var ready = await Database.SaveAsync(ReadyForInterview());
        SignInAs(Intervener);
        var cut = this.RenderCase(ready.Id);

        Type(cut, "field-interview-minutes", typed);
        cut.Find("[data-testid=action-RecordInterview]").Click();

        cut.WaitForAssertion(() => ErrorUnder(cut, "field-interview-minutes").Should().Be(message), Patience);
        cut.Find("[data-testid=field-interview-minutes]").GetAttribute("value").Should().Be(typed, "the field keeps what was typed");
        cut.FindAll("[data-testid=error-message]").Should().BeEmpty();
        var stored = await Database.LoadAsync(ready.Id);
        stored.Interview.Should().BeNull();
        stored.Version.Should().Be(ready.Version);
    }

    [Fact]
    public async Task An_interview_duration_in_quarters_is_recorded_as_typed()
    {
        var ready = await Database.SaveAsync(ReadyForInterview());
        SignInAs(Intervener);
        var cut = this.RenderCase(ready.Id);

        Type(cut, "field-interview-minutes", " 45 ");
        cut.Find("[data-testid=action-RecordInterview]").Click();

        cut.WaitForAssertion(() => Database.LoadAsync(ready.Id).GetAwaiter().GetResult().Interview!.DurationMinutes.Should().Be(45), Patience);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("abc")]
    [InlineData("1,5")]
    [InlineData("")]
    public async Task A_refused_session_duration_logs_no_session(string typed)
    {
        var inSessions = await Database.SaveAsync(InSessions());
        SignInAs(Intervener);
        var cut = this.RenderCase(inSessions.Id);

        Type(cut, "field-session-minutes", typed);
        cut.Find("[data-testid=action-LogSession]").Click();

        cut.WaitForAssertion(() => ErrorUnder(cut, "field-session-minutes").Should().NotBeNullOrEmpty(), Patience);
        (await Database.LoadAsync(inSessions.Id)).Sessions.Should().ContainSingle("the refused session must not be stored");
    }

    [Fact]
    public async Task A_budget_typed_with_a_comma_in_french_is_set_in_minutes()
    {
        var withIntervener = await Database.SaveAsync(WithIntervener());
        SignInAs(Hr);
        var cut = this.RenderCase(withIntervener.Id);

        Type(cut, "field-budget-hours", "2,5");
        cut.Find("[data-testid=action-SetBudget]").Click();

        cut.WaitForAssertion(() => Database.LoadAsync(withIntervener.Id).GetAwaiter().GetResult().BudgetMinutes.Should().Be(150), Patience);
    }

    [Theory]
    [InlineData("13", "Indiquez une valeur de 2 h à 12 h.")]
    [InlineData("2147483647", "Indiquez une valeur de 2 h à 12 h.")]
    [InlineData("2,6", "Les durées se comptent en quarts d'heure : 156 min n'est pas un multiple de 15 minutes (essayez 2 h 30 ou 2 h 45).")]
    public async Task A_budget_outside_the_bounds_is_refused_under_the_field(string typed, string message)
    {
        var withIntervener = await Database.SaveAsync(WithIntervener());
        SignInAs(Hr);
        var cut = this.RenderCase(withIntervener.Id);

        Type(cut, "field-budget-hours", typed);
        cut.Find("[data-testid=action-SetBudget]").Click();

        cut.WaitForAssertion(() => ErrorUnder(cut, "field-budget-hours").Should().Be(message), Patience);
        (await Database.LoadAsync(withIntervener.Id)).Version.Should().Be(withIntervener.Version);
    }

    [Theory]
    [InlineData("2147483647", "field-budget-min")]
    [InlineData("99999999999999999999", "field-budget-max")]
    [InlineData("0", "field-budget-min")]
    public async Task Huge_budget_bounds_are_refused_without_crashing_and_change_nothing(string typed, string field)
    {
        SignInAs(Admin, "Adam Admin");
        var panel = RenderWithProviders<BudgetBoundsPanel>();
        panel.WaitForAssertion(() => panel.Find("[data-testid=field-budget-max]").GetAttribute("value").Should().Be("12"), Patience);

        Type(panel, field, typed);
        panel.Find("[data-testid=budget-save]").Click();

        panel.WaitForAssertion(() => ErrorUnder(panel, field).Should().Be("Indiquez une valeur de 15 min à 40 h."), Patience);
        await using var db = Database.CreateDbContext();
        (await db.BudgetSettings.AnyAsync(Token)).Should().BeFalse("a refused change changes nothing");
    }

    [Fact]
    public async Task A_bound_typed_as_two_and_a_half_hours_is_150_minutes()
    {
        SignInAs(Admin, "Adam Admin");
        var panel = RenderWithProviders<BudgetBoundsPanel>();
        panel.WaitForAssertion(() => panel.Find("[data-testid=field-budget-max]").GetAttribute("value").Should().Be("12"), Patience);

        Type(panel, "field-budget-min", "2,5");
        panel.Find("[data-testid=budget-save]").Click();

        await using var db = Database.CreateDbContext();
        panel.WaitForAssertion(() => db.BudgetSettings.AsNoTracking().Single().MinimumMinutes.Should().Be(150), Patience);
    }

    [Theory]
    [InlineData("fr-FR", "85.50", 85_50)]
    [InlineData("fr-FR", "85,50", 85_50)]
    [InlineData("fr-FR", "1 250", 1_250_00)]
    [InlineData("en-US", "85.50", 85_50)]
    [InlineData("en-US", "1,250", 1_250_00)]
    public async Task A_rate_is_read_in_the_pages_language_and_saved_in_cents(string culture, string typed, int cents)
    {
        UseCulture(culture);
        SignInAs(Admin, "Adam Admin");
        var panel = RenderWithProviders<IntervenerProfilesPanel>();
        panel.WaitForElement($"[data-testid=edit-profile][data-user-id='{IntervenerId}']", Patience).Click();

        Type(panel, "field-profile-rate", typed);
        panel.Find("[data-testid=profile-save]").Click();

        panel.WaitForAssertion(() => panel.FindAll("[data-testid=profile-editor]").Should().BeEmpty(), Patience);
        await using var db = Database.CreateDbContext();
        (await db.IntervenerProfiles.SingleAsync(p => p.UserId == IntervenerId, Token)).HourlyRateCents.Should().Be(cents);
    }

    [Theory]
    [InlineData("fr-FR", "field-profile-rate", "2147483647", "Indiquez une valeur de 0,00 € à 10 000,00 €.")]
    [InlineData("fr-FR", "field-profile-rate", "12345678901234567890", "Indiquez une valeur de 0,00 € à 10 000,00 €.")]
    [InlineData("en-US", "field-profile-rate", "85,50", "This is not a number: digits only, with a point for decimals.")]
    [InlineData("en-US", "field-profile-rate", "85.555", "Two decimals at most (the cents).")]
    [InlineData("fr-FR", "field-profile-capacity", "1,5", "Un nombre entier est attendu, sans décimales.")]
    [InlineData("en-US", "field-profile-capacity", "1.5", "A whole number is expected, without decimals.")]
    [InlineData("fr-FR", "field-profile-capacity", "0", "Indiquez une valeur de 1 à 100.")]
    public async Task A_refused_profile_value_is_said_under_its_field_and_nothing_is_saved(string culture, string field, string typed, string message)
    {
        UseCulture(culture);
        SignInAs(Admin, "Adam Admin");
        var panel = RenderWithProviders<IntervenerProfilesPanel>();
        panel.WaitForElement($"[data-testid=edit-profile][data-user-id='{IntervenerId}']", Patience).Click();
        await using var db = Database.CreateDbContext();
        var before = await db.IntervenerProfiles.AsNoTracking().SingleAsync(p => p.UserId == IntervenerId, Token);

        Type(panel, field, typed);
        panel.Find("[data-testid=profile-save]").Click();

        panel.WaitForAssertion(() => ErrorUnder(panel, field).Should().Be(message), Patience);
        panel.FindAll("[data-testid=profile-editor]").Should().ContainSingle("the form stays open with what was typed");
        var after = await db.IntervenerProfiles.AsNoTracking().SingleAsync(p => p.UserId == IntervenerId, Token);
        (after.MaxActiveCases, after.HourlyRateCents).Should().Be((before.MaxActiveCases, before.HourlyRateCents));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("4,5")]
    [InlineData("2147483647")]
    public async Task A_refused_threshold_is_said_under_the_field(string typed)
    {
        SignInAs(Admin, "Adam Admin");
        var panel = RenderWithProviders<SmallGroupThresholdPanel>();
        panel.WaitForAssertion(() => panel.Find("[data-testid=field-small-group-threshold]").GetAttribute("value").Should().Be("5"), Patience);

        Type(panel, "field-small-group-threshold", typed);
        panel.Find("[data-testid=small-group-threshold-save]").Click();

        panel.WaitForAssertion(() => ErrorUnder(panel, "field-small-group-threshold").Should().NotBeNullOrEmpty(), Patience);
        await using var db = Database.CreateDbContext();
        (await db.BudgetSettings.AnyAsync(Token)).Should().BeFalse("a refused change changes nothing");
    }

    [Fact]
    public void A_refusal_is_in_english_on_an_english_page()
    {
        UseCulture("en-US");
        SignInAs(Admin, "Adam Admin");
        var panel = RenderWithProviders<BudgetBoundsPanel>();
        panel.WaitForAssertion(() => panel.Find("[data-testid=field-budget-max]").GetAttribute("value").Should().Be("12"), Patience);

        Type(panel, "field-budget-min", "2,5");

        panel.WaitForAssertion(() => ErrorUnder(panel, "field-budget-min").Should().Be("This is not a number: digits only, with a point for decimals."), Patience);
    }
}
