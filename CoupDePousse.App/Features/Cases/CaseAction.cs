using CoupDePousse.App.Features.Common;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CoupDePousse.App.Features.Cases;

/// <summary>
/// A part of the case page that acts: it raises commands through <see cref="OnCommand"/> (the page performs them and
/// renders the reloaded case), one at a time.
/// </summary>
public abstract class CaseAction : BusyComponent
{
    private static readonly DialogOptions DialogOptions = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };

    [Parameter, EditorRequired]
    public EventCallback<CaseCommand> OnCommand { get; set; }

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    protected Task SendAsync(CaseCommand command) => RunOnceAsync(() => OnCommand.InvokeAsync(command));

    /// <summary>Opens a dialog that answers with a command and sends it unless the person backed out; busy meanwhile, so a double click never stacks two dialogs.</summary>
    protected Task AskAndSendAsync<TDialog>(string title)
        where TDialog : IComponent => RunOnceAsync(async () =>
        {
            var dialog = await Dialogs.ShowAsync<TDialog>(title, DialogOptions);
            if (await dialog.Result is { Canceled: false, Data: CaseCommand command })
            {
                await OnCommand.InvokeAsync(command);
            }
        });
}
