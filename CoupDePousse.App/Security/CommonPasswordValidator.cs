using System.Reflection;
using CoupDePousse.App.Data;
using CoupDePousse.App.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace CoupDePousse.App.Security;

/// <summary>Refuses a password found in the shipped list of common and breached passwords (ASVS 6.2.4), whatever its case.</summary>
internal sealed class CommonPasswordValidator(IStringLocalizer<SharedResource> localizer) : IPasswordValidator<ApplicationUser>
{
    private static readonly Lazy<HashSet<string>> CommonPasswords = new(Load);

    public static bool IsCommon(string password) => CommonPasswords.Value.Contains(password.Trim());

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password) =>
        Task.FromResult(password is not null && IsCommon(password)
            ? IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = localizer["Identity.CommonPassword"] })
            : IdentityResult.Success);

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("CoupDePousse.common-passwords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is missing from the build.");
        using var reader = new StreamReader(stream);
        var passwords = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                passwords.Add(line);
            }
        }

        return passwords;
    }
}
