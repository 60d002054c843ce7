using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CoupDePousse.App.Features.Cases;

public static class CaseDialogs
{
    private static readonly DialogOptions Options = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };

    /// <summary>Opens a dialog that answers with a command, and performs it unless the person backed out.</summary>
    public static async Task AskAndPerformAsync<TDialog>(this IDialogService dialogs, string title, Func<CaseCommand, Task<bool>> perform)
        where TDialog : IComponent
    {
        var dialog = await dialogs.ShowAsync<TDialog>(title, Options);
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: CaseCommand command })
        {
            await perform(command);
        }
    }
}
