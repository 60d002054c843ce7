using System.Collections.Concurrent;
using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Cases;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Domain.Common;
using CoupDePousse.Tests.EndToEnd.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoupDePousse.Tests.Diagnostics;

/// <summary>Decision 041: with every category at Trace, EF Core's SQL included, a case's text never reaches a log line.</summary>
public sealed class LogsCarryNoCaseTextTests
{
    [Fact]
    public async Task Proposing_reading_and_a_refused_write_log_none_of_the_case_text_even_at_trace_level()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var logs = new CapturingLoggerProvider();
        await using var app = new AppServerFixture(builder =>
        {
            builder.UseSetting("Logging:LogLevel:Default", "Trace");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Trace");
            builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Trace");
            builder.UseSetting("Logging:Console:LogLevel:Default", "None");
            builder.ConfigureLogging(logging => logging.AddProvider(logs));
        });
        app.Start();
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var manager = new Actor((await users.FindByEmailAsync(DemoUsers.Manager))!.Id, Role.Manager);
        var cases = scope.ServiceProvider.GetRequiredService<CaseService>();
        var beneficiary = (await cases.ProposableBeneficiariesAsync(manager, cancellationToken)).First();
        var markers = new[] { "description", "impact", "timing", "note" }.Select(what => $"{what}-{Guid.NewGuid():N}").ToArray();
        logs.Recording = true;

        var proposal = new CaseProposal([CoachingDomain.ManagementAndCommunication], ["difficult-conversations"],
            markers[0], markers[1], markers[2], OfferChecklistConfirmed: true);
        var caseId = (await cases.ProposeAsync(manager, beneficiary.Id, proposal, cancellationToken)).Value;
        (await cases.GetAsync(manager, caseId, cancellationToken)).Should().NotBeNull();
        var refused = await scope.ServiceProvider.GetRequiredService<SessionNoteService>()
            .WriteNoteAsync(manager, caseId, Guid.NewGuid(), markers[3], cancellationToken);
        refused.IsFailure.Should().BeTrue();

        var lines = logs.Lines;
        lines.Should().Contain(l => l.Contains("INSERT", StringComparison.Ordinal), "EF Core's commands are captured, with their parameters' place");
        lines.Should().Contain(l => l.Contains("WriteSessionNote", StringComparison.Ordinal), "the refusal is logged, by its code");
        foreach (var marker in markers)
        {
            lines.Should().NotContain(l => l.Contains(marker, StringComparison.OrdinalIgnoreCase), "no log line may carry a case's text");
        }
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task EF_Core_never_logs_parameter_values(string environment)
    {
        await using var app = new AppServerFixture(builder =>
        {
            builder.UseEnvironment(environment);
            builder.UseSetting("Demo:Seed", (environment == "Development").ToString());
        });
        app.Start();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);

        db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()!.IsSensitiveDataLoggingEnabled.Should().BeFalse();
    }

    /// <summary>Every line of every category once <see cref="Recording"/> is on: the message, the exception and the scopes.</summary>
    private sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
    {
        private readonly ConcurrentQueue<string> lines = new();
        private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

        public volatile bool Recording;

        public IReadOnlyList<string> Lines => lines.ToList();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider.scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (!provider.Recording)
                {
                    return;
                }

                var line = new System.Text.StringBuilder($"{logLevel} {category} {formatter(state, exception)} {exception}");
                provider.scopes.ForEachScope((scope, text) => text.Append(" | ").Append(scope), line);
                if (state is IEnumerable<KeyValuePair<string, object?>> values)
                {
                    foreach (var (key, value) in values)
                    {
                        line.Append(' ').Append(key).Append('=').Append(value);
                    }
                }
                provider.lines.Enqueue(line.ToString());
            }
        }
    }
}
