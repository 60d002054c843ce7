using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CoupDePousse.App.Data;

/// <summary>
/// Text only its readers may see, stored encrypted with Data Protection, one purpose per kind of text:
/// a key leaked for one purpose reads no other. The purposes are part of the stored data: never rename one.
/// </summary>
public static class ConfidentialText
{
    public const string SessionNote = "CoupDePousse.Confidential.SessionNote";
    public const string ReferralNote = "CoupDePousse.Confidential.ReferralNote";
    public const string ClosingSummary = "CoupDePousse.Confidential.ClosingSummary";
    public const string VerdictComment = "CoupDePousse.Confidential.VerdictComment";
    public const string Request = "CoupDePousse.Confidential.Request";
    public const string Objective = "CoupDePousse.Confidential.Objective";
    public const string CancellationReason = "CoupDePousse.Confidential.CancellationReason";
    public const string ExtensionComment = "CoupDePousse.Confidential.ExtensionComment";
    public const string MeetingPlace = "CoupDePousse.Confidential.MeetingPlace";
    public const string JournalEntry = "CoupDePousse.Confidential.JournalEntry";
    public const string CompanyText = "CoupDePousse.Confidential.CompanyText";
    public const string SatisfactionComment = "CoupDePousse.Confidential.SatisfactionComment";
    public const string ActionItem = "CoupDePousse.Confidential.ActionItem";
    public const string ConflictDescription = "CoupDePousse.Confidential.ConflictDescription";

    /// <summary>
    /// How every stored payload begins: the base64url of Data Protection's magic header (09 F0 C9 F0).
    /// A value without it was written before encryption (see <see cref="ConfidentialTextUpgrade"/>).
    /// </summary>
    public const string PayloadPrefix = "CfDJ8";

    private const string PurposeAnnotation = "CoupDePousse:ConfidentialPurpose";

    /// <summary>Marks a text column as confidential; <see cref="AppDbContext"/> attaches the converter of its purpose.</summary>
    public static PropertyBuilder IsConfidential(this PropertyBuilder property, string purpose)
    {
        if (property.Metadata.ClrType != typeof(string))
        {
            throw new InvalidOperationException($"Only text is stored encrypted; {property.Metadata.Name} is {property.Metadata.ClrType.Name}.");
        }

        // Unbounded: the ciphertext is about four times the text; the domain's TextLimits bound what a person writes.
        property.Metadata.SetMaxLength(null);
        property.HasAnnotation(PurposeAnnotation, purpose);
        return property;
    }

    /// <summary>Replaces each confidential mark by its converter; the mark itself never reaches the migrations.</summary>
    internal static void ApplyProtection(IMutableModel model, IDataProtectionProvider dataProtection)
    {
        foreach (var property in model.GetEntityTypes().SelectMany(e => e.GetDeclaredProperties()))
        {
            if (property.FindAnnotation(PurposeAnnotation)?.Value is string purpose)
            {
                property.SetValueConverter(new ConfidentialTextConverter(dataProtection.CreateProtector(purpose), purpose));
                property.RemoveAnnotation(PurposeAnnotation);
            }
        }
    }

    /// <summary>The confidential properties of a built model, with their purposes.</summary>
    public static IEnumerable<(IProperty Property, string Purpose)> Properties(IModel model) =>
        from entityType in model.GetEntityTypes()
        from property in entityType.GetDeclaredProperties()
        let converter = property.GetValueConverter() as ConfidentialTextConverter
        where converter is not null
        select (property, converter.Purpose);

    public static bool IsProtected(string value) => value.StartsWith(PayloadPrefix, StringComparison.Ordinal);
}

/// <summary>Encrypts on write and decrypts on read: services and the domain keep plain strings.</summary>
public sealed class ConfidentialTextConverter(IDataProtector protector, string purpose)
    : ValueConverter<string, string>(plain => protector.Protect(plain), stored => protector.Unprotect(stored))
{
    public string Purpose { get; } = purpose;
}
