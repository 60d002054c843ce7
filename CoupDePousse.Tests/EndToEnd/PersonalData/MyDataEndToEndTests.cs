using System.Text.Json;
using CoupDePousse.App.Data;
using CoupDePousse.Tests.EndToEnd.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CoupDePousse.Tests.EndToEnd.Steps.CaseFlows;
using static Microsoft.Playwright.Assertions;

namespace CoupDePousse.Tests.EndToEnd.PersonalData;

/// <summary>The right of access in the browser: the beneficiary reads and downloads their data; the intervener's notes stay out of it.</summary>
public sealed class MyDataEndToEndTests(EndToEndFixture fixture) : EndToEndTest(fixture)
{
    [Fact]
    public async Task The_beneficiary_downloads_their_data_with_their_case_and_without_the_intervener_s_notes()
    {
        var isabelle = await SignInAsync(DemoUsers.Intervener);
        var caseId = await FindSophiesCaseInSessionsAsync(isabelle);
        var marker = Marker("Note privée de séance");
        await WriteSessionNoteAsync(isabelle, caseId, marker);

        var sophie = await SignInAsync(DemoUsers.Beneficiary);
        var auditedBefore = await AuditedExportsAsync();
        await OpenDashboardAsync(sophie);
        await sophie.GetByTestId("nav-my-data").ClickAsync();
        await Expect(sophie.Locator($"[data-testid=my-data-case][data-case-id='{caseId}']")).ToBeVisibleAsync();
        await Expect(sophie.GetByTestId("my-data-notes")).ToBeVisibleAsync();
        await ShouldNotContainAnyAsync(sophie, [marker], "the notes are the intervener's");
        (await AuditedExportsAsync()).Should().Be(auditedBefore + 1, "one view is one audited export");
        await OpenAsync(sophie, "/my-data");
        await Expect(sophie.Locator($"[data-testid=my-data-case][data-case-id='{caseId}']")).ToBeVisibleAsync();
        (await AuditedExportsAsync()).Should().Be(auditedBefore + 2, "a page loaded whole is prerendered, then read once");

        var download = await sophie.RunAndWaitForDownloadAsync(() => sophie.GetByTestId("my-data-download").ClickAsync());

        download.SuggestedFilename.Should().Be("my-data.json");
        var text = await File.ReadAllTextAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
        text.Should().NotContain(marker);
        using var json = JsonDocument.Parse(text);
        json.RootElement.GetProperty("schemaVersion").GetInt32().Should().Be(1);
        json.RootElement.GetProperty("account").GetProperty("email").GetString().Should().Be(DemoUsers.Beneficiary);
        json.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).Should().Contain(caseId);
        (await AuditedExportsAsync()).Should().Be(auditedBefore + 3, "the download is audited too");
    }

    private async Task<int> AuditedExportsAsync()
    {
        await using var db = await Fixture.Server.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.SecurityEvents.CountAsync(e => e.Kind == SecurityEventKind.PersonalDataExported
            && db.Users.Any(u => u.Id == e.ActorUserId && u.Email == DemoUsers.Beneficiary), TestContext.Current.CancellationToken);
    }
}
