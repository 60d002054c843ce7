using CoupDePousse.Domain.Cases;

namespace CoupDePousse.App.Data;

/// <summary>The single row of budget bounds the admin sets; absent means the defaults.</summary>
public sealed class BudgetSettings
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public int MinimumMinutes { get; set; } = BudgetBounds.Default.MinimumMinutes;

    public int MaximumMinutes { get; set; } = BudgetBounds.Default.MaximumMinutes;

    public BudgetBounds ToBounds() => new(MinimumMinutes, MaximumMinutes);
}
