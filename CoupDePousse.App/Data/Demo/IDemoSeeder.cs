namespace CoupDePousse.App.Data.Demo;

/// <summary>One step of the demo data; steps run in ascending <see cref="Order"/>, each in its own scope, and must be idempotent.</summary>
public interface IDemoSeeder
{
    /// <summary>Users are 0; data that needs users (cases...) uses a higher number, e.g. 100.</summary>
    int Order { get; }

    Task SeedAsync(CancellationToken cancellationToken);
}
