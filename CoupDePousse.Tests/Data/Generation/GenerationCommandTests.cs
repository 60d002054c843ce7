using CoupDePousse.App.Data.Generation;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.Tests.Data.Generation;

public class GenerationCommandTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task Generation_is_refused_outside_development(string environment)
    {
        await using var database = await TestDatabase.CreateAsync();
        var errors = new StringWriter();

        var exitCode = await GenerationCommands.RunAsync(database, environment, errors, TextWriter.Null, ["generate", "--cases", "20"]);

        exitCode.Should().Be(GenerationCommand.Refused);
        errors.ToString().Should().Contain("only in the Development environment").And.Contain(environment);
        await using var db = database.CreateDbContext();
        (await db.Cases.CountAsync(Cancellation)).Should().Be(0);
        (await db.Users.CountAsync(Cancellation)).Should().BeLessThan(10, "nobody was added");
    }

    [Fact]
    public async Task Generation_in_development_fills_a_fresh_database_and_reports_what_it_wrote()
    {
        await using var database = await TestDatabase.CreateAsync();
        var output = new StringWriter();

        var exitCode = await GenerationCommands.RunAsync(database, "Development", TextWriter.Null, output, ["generate", "--cases", "60", "--seed", "3", "--check"]);

        exitCode.Should().Be(GenerationCommand.Succeeded, output.ToString());
        output.ToString().Should().Contain("InSessions").And.Contain("Check: 0 case(s)").And.Contain("Generated");
        await using var db = database.CreateDbContext();
        (await db.Cases.CountAsync(Cancellation)).Should().Be(60);
    }

    [Fact]
    public void Options_come_from_the_command_line_through_the_app_configuration()
    {
        string[] args = ["generate", "--cases", "100000", "--seed", "7", "--check"];

        var (options, error) = GenerationOptions.Read(WebApplication.CreateBuilder(args).Configuration, args);

        error.Should().BeNull();
        options.Should().Be(new GenerationOptions(100_000, 7, Check: true));
        GenerationCommand.IsRequested(args).Should().BeTrue();
        GenerationCommand.IsRequested(["--urls", "http://localhost:5080"]).Should().BeFalse();
    }

    [Fact]
    public void Options_default_to_a_thousand_cases_with_seed_42()
    {
        string[] args = ["generate"];

        var (options, _) = GenerationOptions.Read(WebApplication.CreateBuilder(args).Configuration, args);

        options.Should().Be(new GenerationOptions(GenerationOptions.DefaultCases, GenerationOptions.DefaultSeed, Check: false));
    }

    [Theory]
    [InlineData("--cases", "many")]
    [InlineData("--cases", "0")]
    [InlineData("--seed", "x")]
    [InlineData("--check", "--cases")]
    public void Options_that_make_no_sense_are_refused_with_a_message(string option, string value)
    {
        string[] args = ["generate", option, value, "12"];

        var (options, error) = GenerationOptions.Read(WebApplication.CreateBuilder(args).Configuration, args);

        options.Should().BeNull();
        error.Should().Contain(option);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_population()
    {
        var first = await CountsOfAsync(seed: 7);
        var again = await CountsOfAsync(seed: 7);
        var other = await CountsOfAsync(seed: 8);

        again.Should().BeEquivalentTo(first);
        other.Emails.Should().NotEqual(first.Emails);
    }

    private static async Task<(IReadOnlyDictionary<string, int> Users, IReadOnlyDictionary<CaseState, int> States,
        IReadOnlyDictionary<CaseOutcome, int> Outcomes, int Sessions, int Notes, List<string> Emails)> CountsOfAsync(int seed)
    {
        await using var database = await TestDatabase.CreateAsync();
        await GeneratedPopulation.Generator(database).GenerateAsync(200, seed, TextWriter.Null, Cancellation);
        await using var db = database.CreateDbContext();
        var counts = await GenerationReport.CountAsync(db, Cancellation);
        var emails = await db.Users.Select(u => u.Email!).OrderBy(e => e).ToListAsync(Cancellation);
        return (counts.UsersByRole, counts.CasesByState, counts.CasesByOutcome, counts.Sessions, counts.SessionNotes, emails);
    }
}
