using Microsoft.AspNetCore.Components;

namespace CoupDePousse.App.Features.Common;

/// <summary>
/// The one busy pattern: a component runs one user action at a time, and a second click while it runs does nothing.
/// Nor does a click that reaches it before the browser has shown the action's result (decision 045): on SQLite a whole
/// action can finish before the second click of a double click is even read, and that click must not act again.
/// </summary>
public abstract class BusyComponent : ComponentBase
{
    private bool _resultNotShown;

    protected bool Busy { get; private set; }

    protected async Task RunOnceAsync(Func<Task> action)
    {
        if (Busy || _resultNotShown)
        {
            return;
        }

        Busy = true;
        try
        {
            await action();
        }
        finally
        {
            Busy = false;
            // On Blazor Server, after-render runs once the browser acknowledged the render: clicks it sent before are ignored.
            _resultNotShown = true;
            StateHasChanged();
        }
    }

    // Sealed: a page overriding it without calling base would keep every button dead after its first action.
    protected sealed override void OnAfterRender(bool firstRender) => _resultNotShown = false;
}
