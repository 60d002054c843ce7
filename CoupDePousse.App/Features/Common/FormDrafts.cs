using System.Security.Cryptography;
using CoupDePousse.App.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;

namespace CoupDePousse.App.Features.Common;

/// <summary>
/// Text typed in a form and not yet sent, kept in the tab's sessionStorage so that a server restart (a new circuit, a page
/// reload) gives it back (decision 046). The browser only ever holds ciphertext: protected by the app's key ring for this
/// user and this form, readable for one session lifetime; cleared on send, on sign-out and on the sign-in page.
/// </summary>
public sealed class FormDrafts(IJSRuntime js, ICurrentUser currentUser, IDataProtectionProvider dataProtection, IOptions<UserSessionOptions> sessions)
{
    /// <summary>Every key starts so; ReconnectModal.razor.js removes them all on sign-out.</summary>
    public const string StoragePrefix = "cdp-draft:";

    private const string Purpose = "CoupDePousse.FormDraft.v1";

    public async Task SaveAsync(string form, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            await ClearAsync(form);
            return;
        }

        if (await ProtectorAsync(form) is { } protector)
        {
            await CallAsync("sessionStorage.setItem", StoragePrefix + form, protector.Protect(text, sessions.Value.AbsoluteLifetime));
        }
    }

    /// <summary>The draft this user left in this tab for this form, or null (none, expired, or another person's).</summary>
    public async Task<string?> LoadAsync(string form)
    {
        var stored = await GetAsync(StoragePrefix + form);
        if (stored is null || await ProtectorAsync(form) is not { } protector)
        {
            return null;
        }

        try
        {
            return protector.Unprotect(stored);
        }
        catch (CryptographicException)
        {
            await ClearAsync(form);
            return null;
        }
    }

    public Task ClearAsync(string form) => CallAsync("sessionStorage.removeItem", StoragePrefix + form);

    private async Task<ITimeLimitedDataProtector?> ProtectorAsync(string form) =>
        await currentUser.GetAsync() is { } user ? dataProtection.CreateProtector(Purpose, user.Id, form).ToTimeLimitedDataProtector() : null;

    private async Task<string?> GetAsync(string key)
    {
        try
        {
            return await js.InvokeAsync<string?>("sessionStorage.getItem", key);
        }
        catch (Exception exception) when (exception is JSDisconnectedException or TaskCanceledException or JSException)
        {
            return null;
        }
    }

    private async Task CallAsync(string identifier, params object?[] arguments)
    {
        try
        {
            await js.InvokeVoidAsync(identifier, arguments);
        }
        catch (Exception exception) when (exception is JSDisconnectedException or TaskCanceledException or JSException)
        {
            // The circuit is going away: the draft saved last stays, which is what a restart needs.
        }
    }
}
