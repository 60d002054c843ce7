using System.Net;
using System.Text.RegularExpressions;
using CoupDePousse.App.Data;
using CoupDePousse.App.Data.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CoupDePousse.Tests.Features.Accounts.LoginForm;

namespace CoupDePousse.Tests.Features.Accounts;

/// <summary>Sign-in reveals nothing about accounts, costs the same whatever the case, and cannot be used to lock anyone out.</summary>
public partial class SignInTests(SignInAppFactory factory) : IClassFixture<SignInAppFactory>
{
    [GeneratedRegex("<[^>]*data-testid=\"error-message\"[^>]*>(?<message>[^<]*)<")]
    private static partial Regex ErrorMessage();

    private HttpClient ClientFrom(string address)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(SignInAppFactory.AddressHeader, address);
        return client;
    }

    private async Task<ApplicationUser> AccountAsync(string email, Func<ApplicationUser, UserManager<ApplicationUser>, Task>? arrange = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException(email);
        if (arrange is not null)
        {
            await arrange(user, users);
        }

        return user;
    }

    private async Task<(HttpStatusCode Status, string Message, int Hashes)> AttemptAsync(string address, string email, string password)
    {
        var client = ClientFrom(address);
        var page = await GetLoginPageAsync(client);
        factory.Hasher.Reset();
        var response = await SignInAsync(client, page, email, password);
        var hashes = factory.Hasher.Verifications;
        var html = await ReadPageAsync(response);
        var message = ErrorMessage().Match(html).Groups["message"].Value.Trim();
        return (response.StatusCode, message, hashes);
    }

    [Fact]
    public async Task An_unknown_email_a_wrong_password_a_locked_account_and_a_disabled_account_get_the_same_answer_for_the_same_work()
    {
        await AccountAsync(DemoUsers.Manager.Email, (user, users) => users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddHours(1)));
        await AccountAsync(DemoUsers.Beneficiary3.Email, async (user, users) =>
        {
            user.DisabledAt = DateTimeOffset.UtcNow;
            await users.UpdateAsync(user);
        });

        var answers = new[]
        {
            await AttemptAsync("10.1.0.1", "nobody-here@demo.local", "Une-phrase-assez-longue"),
            await AttemptAsync("10.1.0.2", DemoUsers.Manager2.Email, "Une-phrase-assez-longue"),
            await AttemptAsync("10.1.0.3", DemoUsers.Manager.Email, DemoUsers.Password),
            await AttemptAsync("10.1.0.4", DemoUsers.Beneficiary3.Email, DemoUsers.Password),
        };

        answers.Should().AllSatisfy(a =>
        {
            a.Status.Should().Be(HttpStatusCode.OK, "a refusal never redirects to a page that would tell why");
            a.Message.Should().NotBeEmpty().And.Be(answers[0].Message);
            a.Hashes.Should().Be(1, "every refusal verifies exactly one password hash, so that its time says nothing");
        });
    }

    [Fact]
    public async Task Failures_wait_per_account_and_address_so_that_nobody_can_lock_someone_else_out()
    {
        const string attacker = "10.2.0.1";
        for (var attempt = 0; attempt < 5; attempt++)
        {
            (await AttemptAsync(attacker, DemoUsers.Intervener2.Email, "Pas-le-bon-mot-de-passe")).Status.Should().Be(HttpStatusCode.OK);
        }

        var fromAttacker = await AttemptAsync(attacker, DemoUsers.Intervener2.Email, DemoUsers.Password);
        fromAttacker.Status.Should().Be(HttpStatusCode.OK);
        fromAttacker.Message.Should().NotBeEmpty("the address that failed five times waits, even with the right password");

        var client = ClientFrom("10.2.0.2");
        var owner = await SignInAsync(client, await GetLoginPageAsync(client), DemoUsers.Intervener2.Email, DemoUsers.Password);
        owner.StatusCode.Should().Be(HttpStatusCode.Redirect, "the account's owner, from elsewhere, is not locked out");
    }

    [Fact]
    public async Task Every_attempt_is_in_the_audit_trail_with_the_account_when_it_exists()
    {
        var intervener = await AccountAsync(DemoUsers.Intervener.Email);
        await AttemptAsync("10.3.0.1", DemoUsers.Intervener.Email, "Pas-le-bon-mot-de-passe");
        await AttemptAsync("10.3.0.2", "personne@demo.local", "Pas-le-bon-mot-de-passe");
        var client = ClientFrom("10.3.0.3");
        await SignInAsync(client, await GetLoginPageAsync(client), DemoUsers.Intervener.Email, DemoUsers.Password);

        await using var scope = factory.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        var events = await db.SecurityEvents.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);

        events.Should().Contain(e => e.Kind == SecurityEventKind.SignInFailed && e.SubjectUserId == intervener.Id && e.RemoteIp == "10.3.0.1");
        events.Should().Contain(e => e.Kind == SecurityEventKind.SignInFailed && e.SubjectUserId == null && e.RemoteIp == "10.3.0.2");
        events.Should().Contain(e => e.Kind == SecurityEventKind.SignInSucceeded && e.SubjectUserId == intervener.Id && e.RemoteIp == "10.3.0.3");
        events.Should().NotContain(e => (e.OldValue + e.NewValue).Contains("Pas-le-bon", StringComparison.Ordinal), "a password is never written down");
    }
}

public class SignInRateLimitTests(StrictRateLimitAppFactory factory) : IClassFixture<StrictRateLimitAppFactory>
{
    [Fact]
    public async Task The_rate_limiter_answers_too_many_requests_to_an_address_that_keeps_trying()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await GetLoginPageAsync(client);
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt <= StrictRateLimitAppFactory.RequestsPerMinute; attempt++)
        {
            statuses.Add((await SignInAsync(client, page, $"personne{attempt}@demo.local", "Pas-le-bon-mot-de-passe")).StatusCode);
        }

        statuses.Take(StrictRateLimitAppFactory.RequestsPerMinute).Should().OnlyContain(s => s == HttpStatusCode.OK);
        statuses[^1].Should().Be(HttpStatusCode.TooManyRequests);
        (await client.GetAsync("/Account/Login", TestContext.Current.CancellationToken)).StatusCode.Should().Be(HttpStatusCode.OK, "reading the page is not an attempt");
    }
}
