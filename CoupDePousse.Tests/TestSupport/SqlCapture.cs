using System.Collections.Concurrent;
using System.Data.Common;
using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Cases;
using CoupDePousse.App.Features.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoupDePousse.Tests.TestSupport;

/// <summary>A context factory on the test database that records the text of every SQL command it runs.</summary>
public sealed class SqlCapture(TestDatabase database) : IDbContextFactory<AppDbContext>
{
    private readonly Recorder _recorder = new();

    public IReadOnlyList<string> Commands => _recorder.Commands.Select(c => c.Sql).ToList();

    /// <summary>The commands with the values of their parameters, to run them again (as <c>EXPLAIN QUERY PLAN</c>, say).</summary>
    public IReadOnlyList<CapturedCommand> Executed => _recorder.Commands.ToList();

    public void Clear() => _recorder.Commands.Clear();

    public CaseService Cases() => new(this, new CaseCommandRunner(this, database.Clock, database.Logger<CaseCommandRunner>()), database.Clock, database.Logger<CaseService>());

    public PipelineService Pipeline() => new(this, database.Clock, database.Logger<PipelineService>());

    public AppDbContext CreateDbContext() =>
        new(new DbContextOptionsBuilder<AppDbContext>(database.Options).AddInterceptors(_recorder).Options, database.DataProtection);

    private sealed class Recorder : DbCommandInterceptor
    {
        public ConcurrentQueue<CapturedCommand> Commands { get; } = new();

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Commands.Enqueue(CapturedCommand.Of(command));
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Enqueue(CapturedCommand.Of(command));
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            Commands.Enqueue(CapturedCommand.Of(command));
            return result;
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Commands.Enqueue(CapturedCommand.Of(command));
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Commands.Enqueue(CapturedCommand.Of(command));
            return ValueTask.FromResult(result);
        }
    }
}

public sealed record CapturedCommand(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters)
{
    public static CapturedCommand Of(DbCommand command) =>
        new(command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList());
}
