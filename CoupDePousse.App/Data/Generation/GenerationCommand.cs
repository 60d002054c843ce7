using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.App.Data.Generation;

/// <summary>What <c>generate</c> was asked: read from configuration, where the command line lands (<c>--cases 100000</c> is key <c>cases</c>).</summary>
public sealed record GenerationOptions(int Cases, int Seed, bool Check)
{
    public const int DefaultCases = 1_000;
    public const int DefaultSeed = 42;
    public const int MaxCases = 1_000_000;

    /// <summary>The options, or the sentence saying what is wrong with them.</summary>
    public static (GenerationOptions? Options, string? Error) Read(IConfiguration configuration, IReadOnlyList<string> args)
    {
        var cases = DefaultCases;
        if (configuration["cases"] is { } casesText && (!int.TryParse(casesText, out cases) || cases is < 1 or > MaxCases))
        {
            return (null, $"--cases takes a whole number from 1 to {MaxCases:N0}, not \"{casesText}\".");
        }

        var seed = DefaultSeed;
        if (configuration["seed"] is { } seedText && !int.TryParse(seedText, out seed))
        {
            return (null, $"--seed takes a whole number, not \"{seedText}\".");
        }

        // A bare --check last on the line reaches no configuration key; one followed by another option swallows it as its value.
        var check = args.Contains("--check");
        if (configuration["check"] is { } checkText && !bool.TryParse(checkText, out check))
        {
            return (null, $"--check takes no value: put it last, or write --check true (it read \"{checkText}\").");
        }

        return (new GenerationOptions(cases, seed, check), null);
    }
}

/// <summary>
/// <c>dotnet run --project CoupDePousse.App -- generate --cases 100000 [--seed 42] [--check] [--Database:Path=data/bench/bench.db]</c>:
/// fills the configured database with a generated population, in Development only and only into a fresh database.
/// </summary>
public static class GenerationCommand
{
    public const string Verb = "generate";

    /// <summary>More cases than the demo's: the database already holds a population.</summary>
    public const int PopulatedThreshold = 50;

    public const int Succeeded = 0;
    public const int Refused = 1;
    public const int BadOptions = 2;
    public const int CheckFailed = 3;

    public static bool IsRequested(IReadOnlyList<string> args) => args.Count > 0 && args[0] == Verb;

    public static Task<int> RunGenerationAsync(this WebApplication app, IReadOnlyList<string> args) =>
        RunAsync(app.Services, app.Configuration, app.Environment, args, Console.Out, Console.Error);

    public static async Task<int> RunAsync(IServiceProvider services, IConfiguration configuration, IHostEnvironment environment,
        IReadOnlyList<string> args, TextWriter output, TextWriter errors, CancellationToken cancellationToken = default)
    {
        if (!environment.IsDevelopment())
        {
            await errors.WriteLineAsync(
                $"generate refused: it runs only in the Development environment, and this is {environment.EnvironmentName}. " +
                "It writes invented people and cases into the configured database. Run it with " +
                "`dotnet run --project CoupDePousse.App -- generate` (launchSettings sets Development) or ASPNETCORE_ENVIRONMENT=Development.");
            return Refused;
        }

        var (options, error) = GenerationOptions.Read(configuration, args);
        if (options is null)
        {
            await errors.WriteLineAsync($"generate: {error}");
            return BadOptions;
        }

        var dbFactory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var existing = await db.Cases.CountAsync(cancellationToken);
            if (existing > PopulatedThreshold)
            {
                await errors.WriteLineAsync($"generate refused: the database already holds {existing:N0} cases, and generate fills a fresh one only. " +
                    WhereToStartAfresh(db, configuration, environment));
                return Refused;
            }
        }

        await output.WriteLineAsync($"Generating {options.Cases:N0} cases with seed {options.Seed}...");
        await using var scope = services.CreateAsyncScope();
        var generator = new PopulationGenerator(dbFactory, scope.ServiceProvider.GetRequiredService<ILookupNormalizer>(), services.GetRequiredService<TimeProvider>());
        var result = await generator.GenerateAsync(options.Cases, options.Seed, output, cancellationToken);

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await output.WriteAsync(await GenerationReport.DescribeAsync(db, cancellationToken));
            await output.WriteLineAsync($"Generated {result.People:N0} people and {result.Cases:N0} cases in {result.Elapsed.TotalSeconds:F1} s.");
            if (options.Check)
            {
                var differences = await CaseFacts.FindDifferencesAsync(db, cancellationToken);
                await output.WriteLineAsync($"Check: {differences.Count} case(s) whose stored facts differ from their aggregate.");
                if (differences.Count > 0)
                {
                    return CheckFailed;
                }
            }
        }

        return Succeeded;
    }

    private static string WhereToStartAfresh(AppDbContext db, IConfiguration configuration, IHostEnvironment environment)
    {
        if (!db.Database.IsSqlite())
        {
            return "Drop and recreate the database, or point the app at another one.";
        }

        var path = DatabaseStartup.DatabasePath(configuration, environment.ContentRootPath);
        return $"Stop the app, delete {path} (with its -wal and -shm files) and its key ring {KeyRing.KeysPath(configuration, environment.ContentRootPath)} " +
            "(every database of that folder shares it), then run generate again; or point --Database:Path at a file in a folder " +
            "of its own (e.g. data/bench/bench.db).";
    }
}
