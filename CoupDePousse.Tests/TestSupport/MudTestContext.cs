using System.Globalization;
using Bunit;
using Bunit.Rendering;
using CoupDePousse.App.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace CoupDePousse.Tests.TestSupport;

/// <summary>bUnit base for MudBlazor components: Mud services, loose JS interop, localization, a fake antiforgery token, French by default.</summary>
public abstract class MudTestContext : BunitContext
{
    /// <summary>How long every component test waits for a render that follows an asynchronous load or command.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly CultureInfo originalCulture = CultureInfo.CurrentCulture;
    private readonly CultureInfo originalUiCulture = CultureInfo.CurrentUICulture;

    protected MudTestContext()
    {
        Services.AddMudServices();
        Services.AddAppLocalization();
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

    /// <summary>The component, given its parameters by name, inside the popover and dialog providers its selects, menus and dialogs need.</summary>
    public IRenderedComponent<ContainerFragment> RenderWithProviders<TComponent>(params (string Name, object? Value)[] parameters)
        where TComponent : IComponent =>
        Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<TComponent>(2);
            foreach (var (name, value) in parameters)
            {
                builder.AddComponentParameter(3, name, value);
            }

            builder.CloseComponent();
        });

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
