using CoupDePousse.Tests.TestSupport;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoupDePousse.Tests.EndToEnd.Support;

/// <summary>
/// An app of its own for the calendar journey: its clock can jump past a meeting's start, so this collection never shares
/// its server with the others (their sessions and dates follow the real clock).
/// </summary>
public sealed class CalendarFixture : EndToEndFixture
{
    public CalendarFixture()
        : this(new ShiftedClock())
    {
    }

    private CalendarFixture(ShiftedClock clock)
        : base(new AppServerFixture(builder =>
        {
            // A jump of an hour or two must not end the journey's sessions.
            builder.UseSetting("Security:Sessions:IdleTimeout", "1.00:00:00");
            builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        }))
    {
        Clock = clock;
    }

    public ShiftedClock Clock { get; }
}

/// <summary>Runs alone, after the parallel collections: its own server and browser would otherwise compete with the main e2e collection.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CalendarJourneyCollection : ICollectionFixture<CalendarFixture>
{
    public const string Name = "e2e-calendar";
}
