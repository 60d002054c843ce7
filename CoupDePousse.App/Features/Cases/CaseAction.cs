using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CoupDePousse.App.Features.Cases;

/// <summary>
/// The one busy pattern of the case page: a component raises commands through <see cref="OnCommand"/> (the page
/// performs them and renders the reloaded case), and a second click while one runs does nothing.
/// </summary>
public abstract class CaseAction : ComponentBase
{
    private static readonly DialogOptions DialogOptions = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };

    [Parameter, EditorRequired]
    public EventCallback<CaseCommand> OnCommand { get; set; }

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    protected bool Busy { get; private set; }

    protected async Task SendAsync(CaseCommand command)
    {
        if (Busy)
        {
            return;
        }

        Busy = true;
        try
        {
            await OnCommand.InvokeAsync(command);
        }
        finally
        {
            Busy = false;
        }
    }

    /// <summary>Opens a dialog that answers with a command, and sends it unless the person backed out.</summary>
    protected async Task AskAndSendAsync<TDialog>(string title)
        where TDialog : IComponent
    {
        if (Busy)
        {
            return;
        }

        // Busy while the dialog is open too, so that a double click never stacks two dialogs.
        Busy = true;
        try
        {
            var dialog = await Dialogs.ShowAsync<TDialog>(title, DialogOptions);
            if (await dialog.Result is { Canceled: false, Data: CaseCommand command })
            {
                await OnCommand.InvokeAsync(command);
            }
        }
        finally
        {
            Busy = false;
        }
    }
}
