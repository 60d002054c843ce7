using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;

namespace CoupDePousse.App.Data;

/// <summary>The single row of programme settings the admin sets (budget bounds, small-group threshold); absent means the defaults.</summary>
public sealed class BudgetSettings
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public int MinimumMinutes { get; set; } = BudgetBounds.Default.MinimumMinutes;

    public int MaximumMinutes { get; set; } = BudgetBounds.Default.MaximumMinutes;

    public int SmallGroupThreshold { get; set; } = Domain.Common.SmallGroupThreshold.Default;

    public BudgetBounds ToBounds() => new(MinimumMinutes, MaximumMinutes);

    /// <summary>A stored value outside the domain's range (edited by hand) falls back to the default, so never under the floor.</summary>
    public SmallGroupThreshold ToThreshold() =>
        Domain.Common.SmallGroupThreshold.Create(SmallGroupThreshold) is { IsSuccess: true } threshold ? threshold.Value : Domain.Common.SmallGroupThreshold.Standard;
}
