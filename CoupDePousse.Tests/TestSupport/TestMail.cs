using System.Buffers;
using System.Net;
using System.Net.Sockets;
using CoupDePousse.App.Mail;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace CoupDePousse.Tests.TestSupport;

public static class TestMail
{
    public const string BaseUrl = "https://coupdepousse.test/";

    public static IOptions<MailOptions> Options(int port = 25) => Microsoft.Extensions.Options.Options.Create(new MailOptions
    {
        Smtp = new SmtpOptions { Host = "127.0.0.1", Port = port, Security = SmtpSecurity.None, From = "noreply@coupdepousse.test", TimeoutSeconds = 10 },
        PollSeconds = 0.1,
        BatchSize = 5,
    });

    /// <summary>The mail composer as the app wires it, with French and English strings.</summary>
    public static MailComposer Composer(IOptions<MailOptions>? options = null)
    {
        var services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        return new MailComposer(services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<MailText>>(),
            new MailLinks(new Uri(BaseUrl)), options ?? Options());
    }

    /// <summary>The account-link mail for the administration: through <paramref name="transport"/>, by default as without SMTP.</summary>
    public static IServiceCollection AddTestMail(this IServiceCollection services, IMailTransport? transport = null)
    {
        services.AddSingleton(transport ?? new RecordingMailTransport(MailTransportMode.Pickup));
        services.AddSingleton(_ => new AccountLinkMail(_.GetRequiredService<IMailTransport>(), Composer()));
        return services;
    }
}

/// <summary>Keeps the messages in memory; can fail a number of sends, as a mail server that is down.</summary>
public sealed class RecordingMailTransport(MailTransportMode mode = MailTransportMode.Pickup) : IMailTransport
{
    private readonly List<MimeMessage> _messages = [];

    public MailTransportMode Mode => mode;

    public string Destination => "memory";

    public int FailuresLeft { get; set; }

    public IReadOnlyList<MimeMessage> Messages
    {
        get
        {
            lock (_messages)
            {
                return _messages.ToList();
            }
        }
    }

    public Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        lock (_messages)
        {
            if (FailuresLeft > 0)
            {
                FailuresLeft--;
                throw new IOException("The mail server is down.");
            }

            _messages.Add(message);
        }

        return Task.CompletedTask;
    }
}

/// <summary>A real SMTP server (SmtpServer) on a free loopback port, keeping every message it receives.</summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly CollectingStore _store = new();
    private readonly Task _running;

    private TestSmtpServer(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_store);
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    public IReadOnlyList<MimeMessage> Messages => _store.Messages;

    public static async Task<TestSmtpServer> StartAsync()
    {
        var server = new TestSmtpServer(FreePort());
        for (var tries = 0; ; tries++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, server.Port);
                return server;
            }
            catch (SocketException) when (tries < 50)
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> messages arrived.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (Messages.Count < count && DateTime.UtcNow < until)
        {
            await Task.Delay(50);
        }

        return Messages;
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private sealed class CollectingStore : MessageStore
    {
        private readonly List<MimeMessage> _messages = [];

        public IReadOnlyList<MimeMessage> Messages
        {
            get
            {
                lock (_messages)
                {
                    return _messages.ToList();
                }
            }
        }

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            lock (_messages)
            {
                _messages.Add(message);
            }

            return SmtpResponse.Ok;
        }
    }
}
