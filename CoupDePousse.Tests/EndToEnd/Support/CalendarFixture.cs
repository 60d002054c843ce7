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
        : this(new ShiftedClock(), TestSmtpServer.StartAsync().GetAwaiter().GetResult())
    {
    }

    private CalendarFixture(ShiftedClock clock, TestSmtpServer smtp)
        : base(new AppServerFixture(builder =>
        {
            // A jump of an hour or two must not end the journey's sessions.
            builder.UseSetting("Security:Sessions:IdleTimeout", "1.00:00:00");
            builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));

            // A real SMTP server in the test process. The sender polls only every minute: a mail within seconds proves
            // that saving a notification wakes it.
            builder.UseSetting("Mail:Smtp:Host", "127.0.0.1");
            builder.UseSetting("Mail:Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Mail:Smtp:Security", "None");
            builder.UseSetting("Mail:Smtp:From", "noreply@coupdepousse.test");
            builder.UseSetting("Mail:PollSeconds", "60");

            // The reminder job looks every second, so the day-before reminder of a meeting planned today goes out at once.
            builder.UseSetting("Jobs:IntervalSeconds", "1");
        }))
    {
        Clock = clock;
        Smtp = smtp;
    }

    public ShiftedClock Clock { get; }

    public TestSmtpServer Smtp { get; }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

/// <summary>Runs alone, after the parallel collections: its own server and browser would otherwise compete with the main e2e collection.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CalendarJourneyCollection : ICollectionFixture<CalendarFixture>
{
    public const string Name = "e2e-calendar";
}
