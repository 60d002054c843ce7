using CoupDePousse.Tests.EndToEnd.Support;
using MiniExcelLibs;
using static CoupDePousse.Tests.EndToEnd.Steps.CaseFlows;
using static Microsoft.Playwright.Assertions;

namespace CoupDePousse.Tests.EndToEnd.Statements;

/// <summary>The intervener downloads their month from the browser: the file holds their sessions, typed, and nothing else.</summary>
public sealed class StatementDownloadTests(EndToEndFixture fixture) : EndToEndTest(fixture)
{
    [Fact]
    public async Task The_intervener_downloads_their_statement_as_xlsx_and_reads_their_sessions_back()
    {
        var isabelle = await SignInAsync(DemoUsers.Intervener);
        await OpenAsync(isabelle, "/statements");
        await Expect(isabelle.GetByTestId("statement")).ToBeVisibleAsync();
        if (await isabelle.GetByTestId("statement-empty").CountAsync() > 0)
        {
            // Early in a month the demo's sessions are all last month's.
            await isabelle.GetByTestId("statement-previous").ClickAsync();
            await Expect(isabelle.GetByTestId("statement-row").First).ToBeVisibleAsync();
        }

        var rows = await isabelle.GetByTestId("statement-row").CountAsync();
        await Expect(isabelle.GetByTestId("statement-download-xlsx-download")).ToHaveAttributeAsync("data-ready", "true");
        var download = await isabelle.RunAndWaitForDownloadAsync(() => isabelle.GetByTestId("statement-download-xlsx").ClickAsync());
        using var file = new MemoryStream();
        await using (var stream = await download.CreateReadStreamAsync())
        {
            await stream.CopyToAsync(file, TestContext.Current.CancellationToken);
        }

        file.Position = 0;
        var lines = MiniExcel.Query(file, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        lines.Should().HaveCount(rows);
        lines.Select(line => line["Date"]).Should().AllBeOfType<DateTime>();
        lines.Select(line => line["Montant (€)"]).Should().NotContain(amount => amount == null || amount.GetType() == typeof(string));
        lines.First().Keys.Should().Equal("Date", "Référence du dossier", "Mode", "Séance manquée", "Durée (min)", "Montant (€)");
    }
}
