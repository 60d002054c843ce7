using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoupDePousse.App.Data;

/// <summary>
/// Says when a save has just committed new notifications, so that whoever delivers them (the mail sender) runs now rather
/// than at its next poll. One instance per app, added to every context the factory creates.
/// </summary>
public sealed class NotificationsWritten : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly object Saving = new();
    private static readonly object AwaitingCommit = new();

    private readonly ConditionalWeakTable<DbContext, object> _pending = [];

    /// <summary>Raised after a successful save that added at least one notification.</summary>
    public event Action? Written;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Remember(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Announce(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Announce(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => AnnounceCommitted(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        AnnounceCommitted(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Remember(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<Notification>().Any(e => e.State == EntityState.Added))
        {
            _pending.AddOrUpdate(context, Saving);
        }
    }

    private void Announce(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var state) || state != Saving)
        {
            return;
        }

        // Inside a transaction the rows are not visible to the sender until the commit.
        if (context.Database.CurrentTransaction is null)
        {
            _pending.Remove(context);
            Written?.Invoke();
        }
        else
        {
            _pending.AddOrUpdate(context, AwaitingCommit);
        }
    }

    private void AnnounceCommitted(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var state) && state == AwaitingCommit)
        {
            _pending.Remove(context);
            Written?.Invoke();
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _pending.Remove(context);
        }
    }
}
