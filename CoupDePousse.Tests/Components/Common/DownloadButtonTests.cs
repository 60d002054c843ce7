using Bunit;
using CoupDePousse.App.Features.Common;
using CoupDePousse.Tests.TestSupport;

namespace CoupDePousse.Tests.Components.Common;

/// <summary>
/// The download button (decision 035): a plain link with the export's test id (the fallback without JavaScript), then the
/// progress the script reports, a Cancel button that aborts it, and a clear message in the page's language.
/// </summary>
public class DownloadButtonTests : MudTestContext
{
    private static readonly System.Globalization.CultureInfo French = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");

    private (IRenderedComponent<DownloadButton> Button, BunitJSModuleInterop Module) Render()
    {
        var module = JSInterop.SetupModule("./js/download.js");
        var button = Render<DownloadButton>(parameters => parameters
            .Add(b => b.Href, "/pipeline/export.csv?state=Interview")
            .Add(b => b.TestId, "pipeline-export-csv")
            .AddChildContent("CSV"));
        return (button, module);
    }

    [Fact]
    public void It_is_a_plain_download_link_and_the_script_takes_it_over()
    {
        var (button, module) = Render();

        var link = button.Find("a[data-testid=pipeline-export-csv]");
        link.GetAttribute("href").Should().Be("/pipeline/export.csv?state=Interview");
        link.HasAttribute("download").Should().BeTrue();
        button.Find("[data-testid=pipeline-export-csv-download]").GetAttribute("data-state").Should().Be("idle");
        module.VerifyInvoke("attach");
    }

    [Fact]
    public async Task It_shows_rows_and_bytes_while_running_and_cancels_on_request()
    {
        var (button, module) = Render();

        await button.InvokeAsync(() => button.Instance.Started());
        button.Find("[data-testid=download-progress]").TextContent.Should().Be("Préparation du fichier…");
        await button.InvokeAsync(() => button.Instance.Progress(2 * 1024 * 1024 + 300_000, null, 12_000, 100_000));

        button.Find("[data-testid=pipeline-export-csv-download]").GetAttribute("data-state").Should().Be("running");
        button.Find("[data-testid=download-progress]").TextContent.Should().Be(string.Create(French, $"{12_000:N0} lignes sur {100_000:N0} (2,3 Mo)…"));
        button.Find("[data-testid=download-cancel]").Click();
        module.VerifyInvoke("cancel");

        await button.InvokeAsync(() => button.Instance.Cancelled());
        button.Find("[data-testid=download-cancelled]").TextContent.Should().Be("Téléchargement annulé.");
        button.FindAll("[data-testid=download-cancel]").Should().BeEmpty();
    }

    [Fact]
    public async Task A_known_length_shows_how_much_is_left_and_the_end_says_how_much_came()
    {
        var (button, _) = Render();

        await button.InvokeAsync(() => button.Instance.Started());
        await button.InvokeAsync(() => button.Instance.Progress(10 * 1024, 40 * 1024, null, null));
        button.Find("[data-testid=download-progress]").TextContent.Should().Be("10 Ko reçus sur 40 Ko…");
        await button.InvokeAsync(() => button.Instance.Completed(40 * 1024, null));

        button.Find("[data-testid=download-done]").TextContent.Should().Be("Téléchargé (40 Ko).");
    }

    [Theory]
    [InlineData("fr-FR", 403, "Ce fichier n’est pas accessible avec votre compte.")]
    [InlineData("en-US", 0, "The download was interrupted (connection lost or session expired). Try again.")]
    [InlineData("en-US", 500, "The download failed (error 500). Try again later.")]
    public async Task A_failure_is_a_clear_message_in_the_pages_language(string culture, int status, string message)
    {
        UseCulture(culture);
        var (button, _) = Render();

        await button.InvokeAsync(() => button.Instance.Started());
        await button.InvokeAsync(() => button.Instance.Failed(status));

        var error = button.Find("[data-testid=download-error]");
        error.TextContent.Should().Be(message);
        error.GetAttribute("role").Should().Be("alert");
    }
}
