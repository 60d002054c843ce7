using CoupDePousse.App.Data;
using CoupDePousse.App.Localization;
using CoupDePousse.Domain.Cases;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace CoupDePousse.App.Security;

/// <summary>Refuses a password longer than <see cref="TextLimits.Password"/> characters (decision 044): any passphrase fits, a pasted document does not.</summary>
internal sealed class PasswordLengthValidator(IStringLocalizer<SharedResource> localizer) : IPasswordValidator<ApplicationUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password) =>
        Task.FromResult(password is not null && password.Length > TextLimits.Password
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordTooLong", Description = localizer["Identity.PasswordTooLong", TextLimits.Password] })
            : IdentityResult.Success);
}
