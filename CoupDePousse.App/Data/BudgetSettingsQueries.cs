using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Meetings;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.App.Data;

internal static class BudgetSettingsQueries
{
    public static async Task<BudgetBounds> BudgetBoundsAsync(this AppDbContext db, CancellationToken cancellationToken = default) =>
        (await db.BudgetSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken))?.ToBounds() ?? BudgetBounds.Default;

    public static async Task<SmallGroupThreshold> SmallGroupThresholdAsync(this AppDbContext db, CancellationToken cancellationToken = default) =>
        (await db.BudgetSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken))?.ToThreshold() ?? SmallGroupThreshold.Standard;

    public static async Task<MissedMeetingPolicy> MissedMeetingPolicyAsync(this AppDbContext db, CancellationToken cancellationToken = default) =>
        (await db.BudgetSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken))?.ToMissedMeetingPolicy() ?? MissedMeetingPolicy.Default;

    public static async Task<StallingRules> StallingRulesAsync(this AppDbContext db, CancellationToken cancellationToken = default) =>
        (await db.BudgetSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken))?.ToStallingRules() ?? StallingRules.Default;

    public static async Task<AgreementTerms> AgreementTermsAsync(this AppDbContext db, CancellationToken cancellationToken = default) =>
        (await db.BudgetSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken))?.ToAgreementTerms() ?? AgreementTerms.Default;

    /// <summary>The privacy contact the admin set, or null (the notice then names the administrator).</summary>
    public static Task<string?> PrivacyContactAsync(this AppDbContext db, CancellationToken cancellationToken = default) =>
        db.BudgetSettings.AsNoTracking().Select(s => s.PrivacyContact).SingleOrDefaultAsync(cancellationToken);

    /// <summary>The settings row to change, tracked: the stored one, or a new one holding the defaults.</summary>
    public static async Task<BudgetSettings> BudgetSettingsForUpdateAsync(this AppDbContext db, CancellationToken cancellationToken = default)
    {
        if (await db.BudgetSettings.SingleOrDefaultAsync(cancellationToken) is { } settings)
        {
            return settings;
        }

        settings = new BudgetSettings();
        db.BudgetSettings.Add(settings);
        return settings;
    }
}
