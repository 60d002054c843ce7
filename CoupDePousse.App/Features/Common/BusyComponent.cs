using Microsoft.AspNetCore.Components;

namespace CoupDePousse.App.Features.Common;

/// <summary>The one busy pattern: a component runs one user action at a time, and a second click while it runs does nothing.</summary>
public abstract class BusyComponent : ComponentBase
{
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
        }
        finally
        {
            Busy = false;
        }
    }
}
