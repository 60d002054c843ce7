using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CoupDePousse.Tests.TestSupport;

/// <summary>bUnit base for MudBlazor components: Mud services, loose JS interop, localization, a fake antiforgery token, French by default.</summary>
public abstract class MudTestContext : BunitContext
{
    private readonly CultureInfo originalCulture = CultureInfo.CurrentCulture;
    private readonly CultureInfo originalUiCulture = CultureInfo.CurrentUICulture;

    protected MudTestContext()
    {
        Services.AddMudServices();
        Services.AddLocalization();
        Services.AddSingleton<AntiforgeryStateProvider, FakeAntiforgeryStateProvider>();
        JSInterop.Mode = JSRuntimeMode.Loose;
        UseCulture("fr-FR");
    }

    /// <summary>
    /// For components that read <c>RendererInfo</c> (the layout does). Call it after the test's own service
    /// registrations: it builds the service provider, after which nothing more can be registered.
    /// </summary>
    protected void UseRenderer(bool interactive = true) =>
        SetRendererInfo(new RendererInfo(interactive ? "Server" : "Static", interactive));

    /// <summary>Switches the culture used to render (e.g. "en-US"); call before rendering.</summary>
    protected static void UseCulture(string culture)
    {
        var cultureInfo = CultureInfo.GetCultureInfo(culture);
        CultureInfo.CurrentCulture = cultureInfo;
        CultureInfo.CurrentUICulture = cultureInfo;
    }

    protected override ValueTask DisposeAsyncCore()
    {
        CultureInfo.CurrentCulture = originalCulture;
        CultureInfo.CurrentUICulture = originalUiCulture;
        return base.DisposeAsyncCore();
    }

    private sealed class FakeAntiforgeryStateProvider : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => new("test-antiforgery-token", "__RequestVerificationToken");
    }
}
