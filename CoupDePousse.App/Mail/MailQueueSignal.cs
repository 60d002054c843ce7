namespace CoupDePousse.App.Mail;

/// <summary>
/// Tells the mail sender that notifications were just saved (<see cref="Data.NotificationsWritten"/>), so that it runs now
/// rather than at its next poll. One pending wake-up at most: waking it ten times before the sender looks runs one pass.
/// </summary>
public sealed class MailWakeUp
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken: one pass takes every pending mail.
        }
    }

    /// <summary>Returns when woken or when the interval has passed.</summary>
    public async Task WaitAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(interval);
        try
        {
            await _signal.WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The interval passed.
        }
    }
}
