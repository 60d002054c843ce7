using System.Net;
using CoupDePousse.App.Data;
using CoupDePousse.App.Data.Demo;
using CoupDePousse.App.Features.Administration;
using CoupDePousse.Tests.Features.Accounts;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoupDePousse.Tests.Features.Administration;

/// <summary>The running app: the CSV download is the administrator's alone, and a disabled account cannot sign in.</summary>
public class AuditExportEndpointTests(ShellAppFactory factory) : IClassFixture<ShellAppFactory>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private HttpClient NewClient() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task Nobody_signed_out_downloads_the_audit_trail()
    {
        var response = await NewClient().GetAsync(AuditExportEndpoint.Path, Token);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Contain("/Account/Login");
    }

    [Fact]
    public async Task Hr_does_not_download_the_audit_trail()
    {
        var client = NewClient();
        await LoginForm.DemoSignInAsync(client, DemoUsers.Hr.Email);

        var response = await client.GetAsync(AuditExportEndpoint.Path, Token);

        response.StatusCode.Should().NotBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Token)).Should().NotContain("At,Kind");
    }

    [Fact]
    public async Task The_admin_downloads_the_filtered_rows_as_csv()
    {
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Token))
        {
            db.SecurityEvents.Add(new SecurityEvent(DateTimeOffset.UtcNow, SecurityEventKind.RoleChanged, null, null, "Beneficiary", "Manager"));
            db.SecurityEvents.Add(new SecurityEvent(DateTimeOffset.UtcNow, SecurityEventKind.BudgetBoundsChanged, null, null, "minMinutes=60", "minMinutes=120"));
            await db.SaveChangesAsync(Token);
        }

        var client = NewClient();
        await LoginForm.DemoSignInAsync(client, DemoUsers.Admin.Email);

        var response = await client.GetAsync(AuditExportEndpoint.Link(new AuditFilter(Kind: SecurityEventKind.RoleChanged)), Token);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        response.Content.Headers.ContentDisposition!.FileNameStar.Should().MatchRegex(@"^security-audit-\d{4}-\d{2}-\d{2}\.csv$");
        var csv = await response.Content.ReadAsStringAsync(Token);
        // French by default: ';' between cells, as a French Excel expects (decision 035).
        csv.Should().StartWith("At;Kind;Actor;Subject;OldValue;NewValue;RemoteIp").And.Contain(";RoleChanged;").And.Contain("Beneficiary;Manager")
            .And.NotContain("BudgetBoundsChanged");
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in()
    {
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Token))
        {
            var user = await db.Users.SingleAsync(u => u.Email == DemoUsers.Beneficiary3.Email, Token);
            user.DisabledAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync(Token);
        }

        var client = NewClient();
        await LoginForm.DemoSignInAsync(client, DemoUsers.Beneficiary3.Email);

        var home = await client.GetAsync("/", Token);
        home.StatusCode.Should().Be(HttpStatusCode.Redirect);
        home.Headers.Location!.ToString().Should().Contain("/Account/Login");
    }
}
