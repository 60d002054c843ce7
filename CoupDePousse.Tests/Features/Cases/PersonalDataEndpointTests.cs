using System.Net;
using System.Text.Json;
using CoupDePousse.App.Data;
using CoupDePousse.App.Data.Demo;
using CoupDePousse.App.Features.Cases;
using CoupDePousse.Tests.Features.Accounts;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoupDePousse.Tests.Features.Cases;

/// <summary>The running app on the demo data: the JSON download of "My data" and the intervener's notes as text, never cached.</summary>
public class PersonalDataEndpointTests(ShellAppFactory factory) : IClassFixture<ShellAppFactory>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private HttpClient NewClient() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task The_beneficiary_downloads_their_data_as_an_uncached_json_attachment()
    {
        var client = NewClient();
        await LoginForm.DemoSignInAsync(client, DemoUsers.Beneficiary.Email);

        var response = await client.GetAsync(PersonalDataEndpoint.JsonPath, Token);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        response.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        json.RootElement.GetProperty("schemaVersion").GetInt32().Should().Be(PersonalDataExport.CurrentSchemaVersion);
        json.RootElement.GetProperty("account").GetProperty("email").GetString().Should().Be(DemoUsers.Beneficiary.Email);
        json.RootElement.GetProperty("cases").GetArrayLength().Should().BePositive();
    }

    [Fact]
    public async Task The_intervener_downloads_a_case_s_notes_as_text_and_hr_gets_not_found()
    {
        Guid caseId;
        string noteText;
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Token))
        {
            var isabelle = await db.Users.Where(u => u.Email == DemoUsers.Intervener.Email).Select(u => u.Id).SingleAsync(Token);
            var note = await db.SessionNotes.Where(n => n.AuthorId == isabelle).OrderBy(n => n.WrittenAt).FirstAsync(Token);
            (caseId, noteText) = (note.CaseId, note.Text);
        }

        var intervener = NewClient();
        await LoginForm.DemoSignInAsync(intervener, DemoUsers.Intervener.Email);
        var response = await intervener.GetAsync(PersonalDataEndpoint.NotesPath(caseId), Token);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        response.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        (await response.Content.ReadAsStringAsync(Token)).Should().Contain(noteText);

        var hr = NewClient();
        await LoginForm.DemoSignInAsync(hr, DemoUsers.Hr.Email);
        (await hr.GetAsync(PersonalDataEndpoint.NotesPath(caseId), Token)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
