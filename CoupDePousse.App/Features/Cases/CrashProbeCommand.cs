using System.Globalization;
using CoupDePousse.App.Data.Demo;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Domain.Common;
using Microsoft.AspNetCore.Identity;
using CoupDePousse.App.Data;

namespace CoupDePousse.App.Features.Cases;

/// <summary>
/// <c>dotnet CoupDePousse.App.dll crash-probe --probe-run NAME</c>, Development only: the crash-safety test's writer. As the demo
/// beneficiary it proposes cases and writes journal entries through the real services, without end, and prints one line per
/// write that returned success (<c>case ID N</c>, <c>journal CASEID N</c>), so the test knows what must survive a kill -9.
/// </summary>
public static class CrashProbeCommand
{
    public const string Verb = "crash-probe";

    public const int Refused = 1;

    public static bool IsRequested(IReadOnlyList<string> args) => args.Count > 0 && args[0] == Verb;

    /// <summary>The confidential text of write <paramref name="sequence"/> of a run: the test recomputes it to check what it reads back.</summary>
    public static string TextOf(string run, int sequence) => $"Crash probe {run} #{sequence}: texte confidentiel à retrouver intact.";

    public static Task<int> RunCrashProbeAsync(this WebApplication app) =>
        RunAsync(app.Services, app.Configuration, app.Environment, Console.Out, Console.Error);

    public static async Task<int> RunAsync(IServiceProvider services, IConfiguration configuration, IHostEnvironment environment,
        TextWriter output, TextWriter errors, CancellationToken cancellationToken = default)
    {
        if (!environment.IsDevelopment())
        {
            await errors.WriteLineAsync($"crash-probe refused: it writes invented cases and runs only in Development, and this is {environment.EnvironmentName}.");
            return Refused;
        }

        await using var scope = services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(DemoUsers.Beneficiary.Email);
        if (user is null)
        {
            await errors.WriteLineAsync("crash-probe: the demo beneficiary is missing; run with --Demo:Seed=true.");
            return Refused;
        }

        var actor = new Actor(user.Id, Role.Beneficiary);
        var cases = scope.ServiceProvider.GetRequiredService<CaseService>();
        var journal = scope.ServiceProvider.GetRequiredService<JournalService>();
        var run = configuration["probe-run"] ?? Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
        var domain = CoachingCatalogue.Domains[0].Domain;

        Guid? lastCase = null;
        for (var sequence = 1; !cancellationToken.IsCancellationRequested; sequence++)
        {
            var text = TextOf(run, sequence);
            if (lastCase is { } caseId && sequence % 2 == 0)
            {
                var written = await journal.WriteAsync(actor, caseId, text, cancellationToken);
                await AcknowledgeAsync(written, $"journal {caseId} {sequence}");
                continue;
            }

            var proposed = await cases.ProposeAsync(actor, user.Id, new CaseProposal([domain], [], text, "Impact de test", "Dès que possible"), cancellationToken);
            lastCase = proposed.IsSuccess ? proposed.Value : lastCase;
            await AcknowledgeAsync(proposed, $"case {(proposed.IsSuccess ? proposed.Value : Guid.Empty)} {sequence}");
        }

        return 0;

        async Task AcknowledgeAsync(Result result, string line)
        {
            if (result.IsFailure)
            {
                await errors.WriteLineAsync($"crash-probe: refused: {result.Error!.Message}");
                return;
            }

            // Console.Out flushes each line: once printed, the write's transaction has committed.
            await output.WriteLineAsync(line);
        }
    }
}
