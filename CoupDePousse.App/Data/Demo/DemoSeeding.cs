namespace CoupDePousse.App.Data.Demo;

public static class DemoSeeding
{
    public const string SeedKey = "Demo:Seed";

    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue<bool>(SeedKey);

    /// <summary>Demo accounts have a published password: outside Development, asking for them stops the start.</summary>
    public static void RefuseOutsideDevelopment(IConfiguration configuration, IHostEnvironment environment)
    {
        if (IsEnabled(configuration) && !environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"{SeedKey} is true in the {environment.EnvironmentName} environment. Demo accounts use a password published in the " +
                $"repository and exist only in Development: remove {SeedKey}, and create the first administrator with Bootstrap:AdminEmail.");
        }
    }

    /// <summary>Registers the demo steps; add more with <c>services.AddScoped&lt;IDemoSeeder, YourSeeder&gt;()</c>.</summary>
    public static IServiceCollection AddDemoSeeding(this IServiceCollection services)
    {
        services.AddScoped<IDemoSeeder, DemoUserSeeder>();
        services.AddScoped<IDemoSeeder, DemoCaseSeeder>();
        services.AddScoped<IDemoSeeder, DemoHistorySeeder>();
        return services;
    }

    /// <summary>Runs every <see cref="IDemoSeeder"/> when <c>Demo:Seed</c> is true (Development sets it).</summary>
    public static async Task SeedDemoDataAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        if (!IsEnabled(app.Configuration))
        {
            return;
        }

        var seederTypes = GetSeederOrder(app.Services);
        foreach (var seederType in seederTypes)
        {
            // A fresh scope per step, so one step's tracked entities never leak into the next.
            await using var scope = app.Services.CreateAsyncScope();
            var seeder = scope.ServiceProvider.GetServices<IDemoSeeder>().First(s => s.GetType() == seederType);
            await seeder.SeedAsync(cancellationToken);
        }
    }

    private static List<Type> GetSeederOrder(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        return scope.ServiceProvider.GetServices<IDemoSeeder>()
            .OrderBy(s => s.Order)
            .Select(s => s.GetType())
            .ToList();
    }
}
