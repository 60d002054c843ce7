using System.Net;
using CoupDePousse.App.Data;
using CoupDePousse.App.Data.Demo;
using CoupDePousse.App.Features.Common;
using CoupDePousse.App.Features.Pipeline;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.Features.Accounts;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoupDePousse.Tests.Features.Pipeline;

/// <summary>The running app: HR downloads the pipeline with the page's filter, streamed to the response; nobody else does.</summary>
public class PipelineExportEndpointTests(ShellAppFactory factory) : IClassFixture<ShellAppFactory>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private HttpClient NewClient() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task Nobody_signed_out_downloads_the_pipeline()
    {
        var response = await NewClient().GetAsync(PipelineExportEndpoint.CsvPath, Token);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Contain("/Account/Login");
    }

    [Theory]
    [InlineData("manager@demo.local")]
    [InlineData("admin@demo.local")]
    [InlineData("intervener@demo.local")]
    [InlineData("beneficiary@demo.local")]
    public async Task Only_hr_downloads_the_pipeline(string email)
    {
        var client = NewClient();
        await LoginForm.DemoSignInAsync(client, email);

        foreach (var path in new[] { PipelineExportEndpoint.CsvPath, PipelineExportEndpoint.XlsxPath })
        {
            var response = await client.GetAsync(path, Token);

            response.StatusCode.Should().NotBe(HttpStatusCode.OK);
            (await response.Content.ReadAsStringAsync(Token)).Should().NotContain("Bénéficiaire");
        }
    }

    [Fact]
    public async Task Hr_downloads_the_filtered_list_as_csv_and_xlsx_in_its_language()
    {
        int expected;
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Token))
        {
            expected = await db.Cases.CountAsync(c => c.WaitingOn == WaitingParty.HR, Token);
        }

        expected.Should().BePositive("the demo data has cases waiting on HR");
        var client = NewClient();
        await LoginForm.DemoSignInAsync(client, DemoUsers.Hr.Email);
        var filter = new PipelineFilter(WaitingOn: WaitingParty.HR);

        var csv = await client.GetAsync(PipelineExportEndpoint.Link(PipelineExportEndpoint.CsvPath, filter), Token);
        var xlsx = await client.GetAsync(PipelineExportEndpoint.Link(PipelineExportEndpoint.XlsxPath, filter) + "&culture=en-US&ui-culture=en-US", Token);

        csv.StatusCode.Should().Be(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        csv.Content.Headers.ContentDisposition!.FileNameStar.Should().MatchRegex(@"^pipeline-\d{4}-\d{2}-\d{2}\.csv$");
        csv.Headers.CacheControl!.NoStore.Should().BeTrue();
        csv.Headers.GetValues(FileDownload.TotalRowsHeader).Should().Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var french = PipelineExportTests.ReadCsv(await csv.Content.ReadAsByteArrayAsync(Token), "fr-FR");
        french.Headers[1].Should().Be("Bénéficiaire");
        french.Rows.Should().HaveCount(expected);
        french.Rows.Select(r => r[6]).Should().OnlyContain(waiting => waiting == "RH");

        xlsx.StatusCode.Should().Be(HttpStatusCode.OK);
        xlsx.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        xlsx.Content.Headers.ContentDisposition!.FileNameStar.Should().MatchRegex(@"^pipeline-\d{4}-\d{2}-\d{2}\.xlsx$");
        var bytes = await xlsx.Content.ReadAsByteArrayAsync(Token);
        xlsx.Content.Headers.ContentLength.Should().Be(bytes.Length, "the sheet is built in a temporary file whose length is announced");
        PipelineExportTests.XlsxHeaders(bytes)[1].Should().Be("Beneficiary");
        PipelineExportTests.XlsxRows(bytes).Should().HaveCount(expected);
    }
}
