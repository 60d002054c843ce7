using Microsoft.AspNetCore.Components;

namespace CoupDePousse.App.Features.Common;

/// <summary>
/// The one busy pattern: a component runs one user action at a time, and a second click while it runs does nothing.
/// It stays busy until the browser has shown the action's result (decision 045): on SQLite a whole action can finish
/// before the second click of a double click is even read, and that click must not find the button ready again.
/// </summary>
public abstract class BusyComponent : ComponentBase, IDisposable
{
    /// <summary>How long an action waits at most for the browser to show its result (a lost acknowledgement never leaves a button disabled).</summary>
    public static readonly TimeSpan ShownTimeout = TimeSpan.FromSeconds(2);

    private TaskCompletionSource? _shown;

    protected bool Busy { get; private set; }

    protected async Task RunOnceAsync(Func<Task> action)
    {
        if (Busy)
        {
            return;
        }

        Busy = true;
        try
        {
            await action();
            // On Blazor Server, after-render runs once the browser acknowledged the render: clicks it sent before still find us busy.
            _shown = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            StateHasChanged();
            await Task.WhenAny(_shown.Task, Task.Delay(ShownTimeout));
        }
        finally
        {
            _shown = null;
            Busy = false;
        }
    }

    protected override void OnAfterRender(bool firstRender) => _shown?.TrySetResult();

    public void Dispose()
    {
        _shown?.TrySetResult();
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}
