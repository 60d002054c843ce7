namespace CoupDePousse.Tests.TestSupport;

/// <summary>
/// The real clock, moved forward on demand: time keeps flowing (timers, animations and waits behave), and a test can jump
/// to after a meeting's start without waiting for it. Timers keep the system's pace.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => System.LocalTimeZone;

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);

    public void Reset() => Interlocked.Exchange(ref offsetTicks, 0);
}
