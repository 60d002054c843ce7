using System.Net;
using System.Security.Cryptography;
using CoupDePousse.App.Data;
using CoupDePousse.App.Security;
using CoupDePousse.Tests.Features.Accounts;
using CoupDePousse.Tests.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Hosting;

/// <summary>Several instances on one database read each other's cookies and confidential text only through one shared key folder (decision 040).</summary>
public class SharedKeyRingTests
{
    private const string Password = "Mot-de-passe-2026!";
    private const string AuthenticatedPage = "/Account/Manage";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_sign_in_and_confidential_text_from_one_instance_are_read_by_another_sharing_its_key_folder_and_by_no_other()
    {
        Assert.SkipWhen(!TestDatabase.PostgresConfigured, "PostgreSQL runs under ./scripts/test.sh");
        var (shared, other) = (Deployment.TemporaryFolder(), Deployment.TemporaryFolder());
        try
        {
            await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
            await using var first = new InstanceAppFactory(database.ConnectionString!, shared);
            await using var second = new InstanceAppFactory(database.ConnectionString!, shared);
            await using var stranger = new InstanceAppFactory(database.ConnectionString!, other);

            var user = await AccountClient.CreateUserAsync(first.Services, Roles.Beneficiary, Password);
            var browser = first.CreateClient();
            var signIn = await LoginForm.SignInAsync(browser, await LoginForm.GetLoginPageAsync(browser), user.Email!, Password);
            signIn.StatusCode.Should().Be(HttpStatusCode.Redirect, "the sign-in succeeded on the first instance");
            var cookie = string.Join("; ", signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

            (await GetAsync(first, cookie)).StatusCode.Should().Be(HttpStatusCode.OK);
            (await GetAsync(second, cookie)).StatusCode.Should().Be(HttpStatusCode.OK, "the second instance reads the first one's cookie");
            var refused = await GetAsync(stranger, cookie);
            refused.StatusCode.Should().Be(HttpStatusCode.Redirect, "an instance with its own keys cannot read the cookie");
            refused.Headers.Location!.OriginalString.Should().Contain("/Account/Login");

            var written = WithIntervener();
            await using (var db = await Contexts(first).CreateDbContextAsync(Token))
            {
                db.WritesNotifications = false;
                db.Cases.Add(written);
                await db.SaveChangesAsync(Token);
            }

            await using (var db = await Contexts(second).CreateDbContextAsync(Token))
            {
                var read = await db.LoadCaseAsync(written.Id, Token);
                read!.Description.Should().Be(written.Description, "the second instance decrypts what the first wrote");
            }

            await using (var db = await Contexts(stranger).CreateDbContextAsync(Token))
            {
                var load = () => db.LoadCaseAsync(written.Id, Token);
                (await load.Should().ThrowAsync<Exception>()).Where(e => Causes(e).Any(c => c is CryptographicException));
            }
        }
        finally
        {
            Deployment.Remove(shared, other);
        }
    }

    private static IDbContextFactory<AppDbContext> Contexts(WebApplicationFactory<Program> instance) =>
        instance.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();

    private static async Task<HttpResponseMessage> GetAsync(WebApplicationFactory<Program> instance, string cookie)
    {
        var client = instance.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = instance.ClientOptions.BaseAddress, AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, AuthenticatedPage);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request, Token);
    }

    private static IEnumerable<Exception> Causes(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            yield return current;
        }
    }
}
