using System.Net;
using CoupDePousse.App.Data;
using CoupDePousse.App.Data.Demo;
using CoupDePousse.App.Features.Common;
using CoupDePousse.App.Features.Statements;
using CoupDePousse.Domain.Interveners;
using CoupDePousse.Tests.Features.Accounts;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace CoupDePousse.Tests.Features.Statements;

/// <summary>The running app on the demo data: an intervener downloads their own statement, never another's; HR anyone's.</summary>
public class StatementExportEndpointTests(ShellAppFactory factory) : IClassFixture<ShellAppFactory>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private HttpClient NewClient() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<(StatementPeriod Period, string IsabelleId, string MarcId)> DemoAsync()
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Token);
        var isabelle = await db.Users.Where(u => u.Email == DemoUsers.Intervener.Email).Select(u => u.Id).SingleAsync(Token);
        var marc = await db.Users.Where(u => u.Email == DemoUsers.Intervener2.Email).Select(u => u.Id).SingleAsync(Token);
        // The month of Isabelle's latest session: the demo guarantees one in the last few weeks.
        var latest = (await db.Cases.Where(c => c.IntervenerId == isabelle).SelectMany(c => c.Sessions).Select(s => s.Date).ToListAsync(Token)).Max();
        return (StatementPeriod.Of(latest), isabelle, marc);
    }

    [Fact]
    public async Task The_intervener_downloads_their_own_month_as_xlsx()
    {
        var (period, _, _) = await DemoAsync();
        var client = NewClient();
        await LoginForm.DemoSignInAsync(client, DemoUsers.Intervener.Email);

        var response = await client.GetAsync(StatementExportEndpoint.Link(period, ExportFormat.Xlsx), Token);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Token));
        var rows = MiniExcel.Query(file, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        rows.Should().NotBeEmpty();
        rows[0]["Date"].Should().BeOfType<DateTime>();
    }

    [Fact]
    public async Task An_intervener_does_not_download_another_interveners_month()
    {
        var (period, isabelle, _) = await DemoAsync();
        var client = NewClient();
        await LoginForm.DemoSignInAsync(client, DemoUsers.Intervener2.Email);

        var response = await client.GetAsync(StatementExportEndpoint.Link(period, ExportFormat.Csv, isabelle), Token);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Hr_downloads_any_interveners_month_and_a_manager_none()
    {
        var (period, isabelle, _) = await DemoAsync();
        var hr = NewClient();
        await LoginForm.DemoSignInAsync(hr, DemoUsers.Hr.Email);
        var manager = NewClient();
        await LoginForm.DemoSignInAsync(manager, DemoUsers.Manager.Email);

        var csv = await hr.GetAsync(StatementExportEndpoint.Link(period, ExportFormat.Csv, isabelle), Token);
        var refused = await manager.GetAsync(StatementExportEndpoint.Link(period, ExportFormat.Csv, isabelle), Token);

        csv.StatusCode.Should().Be(HttpStatusCode.OK);
        (await csv.Content.ReadAsStringAsync(Token)).Should().Contain("CP-").And.NotContain(DemoUsers.Beneficiary.DisplayName);
        refused.StatusCode.Should().NotBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Hr_downloads_every_interveners_month_as_csv_and_xlsx()
    {
        var (period, _, _) = await DemoAsync();
        var hr = NewClient();
        await LoginForm.DemoSignInAsync(hr, DemoUsers.Hr.Email);

        var csv = await hr.GetAsync(StatementExportEndpoint.AllLink(period, ExportFormat.Csv), Token);
        var xlsx = await hr.GetAsync(StatementExportEndpoint.AllLink(period, ExportFormat.Xlsx) + "?culture=en-US&ui-culture=en-US", Token);

        csv.StatusCode.Should().Be(HttpStatusCode.OK);
        csv.Content.Headers.ContentDisposition!.FileNameStar.Should().Be(FormattableString.Invariant($"statements-all-{period.Year:0000}-{period.Month:00}.csv"));
        csv.Headers.CacheControl!.NoStore.Should().BeTrue();
        var text = await csv.Content.ReadAsStringAsync(Token);
        text.Should().StartWith("Ligne;Intervenant;Date;Référence du dossier").And.Contain(DemoUsers.Intervener.DisplayName).And.Contain("CP-")
            .And.NotContain(DemoUsers.Beneficiary.DisplayName);
        xlsx.StatusCode.Should().Be(HttpStatusCode.OK);
        using var file = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(Token));
        MiniExcel.GetSheetNames(file).Should().Equal("Sessions", "Totals");
        file.Position = 0;
        var rows = MiniExcel.Query(file, useHeaderRow: true, sheetName: "Sessions").Cast<IDictionary<string, object?>>().ToList();
        rows.Should().NotBeEmpty().And.OnlyContain(r => r["Date"] is DateTime && r["Amount (€)"] is double);
    }

    [Theory]
    [InlineData("intervener@demo.local")]
    [InlineData("manager@demo.local")]
    [InlineData("admin@demo.local")]
    public async Task Only_hr_downloads_every_interveners_month_refused_as_the_pipeline_is(string email)
    {
        var (period, _, _) = await DemoAsync();
        var client = NewClient();
        await LoginForm.DemoSignInAsync(client, email);

        var all = await client.GetAsync(StatementExportEndpoint.AllLink(period, ExportFormat.Csv), Token);
        var pipeline = await client.GetAsync("/pipeline/export.csv", Token);

        all.StatusCode.Should().NotBe(HttpStatusCode.OK).And.Be(pipeline.StatusCode);
        all.Headers.Location?.AbsolutePath.Should().Be(pipeline.Headers.Location?.AbsolutePath);
        (await all.Content.ReadAsStringAsync(Token)).Should().NotContain("CP-");
    }
}
