using CoupDePousse.App.Data;
using CoupDePousse.App.Data.Generation;
using CoupDePousse.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace CoupDePousse.Tests.Data.Generation;

/// <summary>Runs the generate command over a test database, in the environment asked, with the app's command-line parsing.</summary>
internal static class GenerationCommands
{
    public static async Task<int> RunAsync(TestDatabase database, string environmentName, TextWriter errors, TextWriter output, string[] args)
    {
        var services = new ServiceCollection()
            .AddSingleton<IDbContextFactory<AppDbContext>>(database)
            .AddScoped<ILookupNormalizer, UpperInvariantLookupNormalizer>()
            .AddSingleton<TimeProvider>(database.Clock)
            .BuildServiceProvider();
        var environment = new TestEnvironment(environmentName, Path.GetTempPath());
        var configuration = new ConfigurationBuilder().AddCommandLine(args).Build();
        return await GenerationCommand.RunAsync(services, configuration, environment, args, output, errors, TestContext.Current.CancellationToken);
    }

    private sealed class TestEnvironment(string name, string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "CoupDePousse.App";

        public string ContentRootPath { get; set; } = contentRoot;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
