using CoupDePousse.App.Mail;
using CoupDePousse.Domain.Notifications;
using CoupDePousse.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using MimeKit;

namespace CoupDePousse.Tests.Mail;

/// <summary>The two ways a mail leaves the app: an SMTP server (a real one, in-process) or a pickup folder of .eml files.</summary>
public class MailTransportTests
{
    private static readonly MailRecipient Recipient = new("beneficiary-1@test.local", "Bénédicte Bénéficiaire", "fr", null);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_smtp_transport_delivers_a_message_that_parses_with_its_text_and_html_parts()
    {
        await using var server = await TestSmtpServer.StartAsync();
        var options = TestMail.Options(server.Port);
        var transport = new SmtpMailTransport(options);
        var caseId = Guid.NewGuid();

        await transport.SendAsync(TestMail.Composer(options).ForNotification(Recipient, NotificationKind.ObjectivesToSet, caseId, null), Token);

        var received = (await server.WaitForAsync(1)).Should().ContainSingle().Subject;
        received.To.Mailboxes.Single().Address.Should().Be("beneficiary-1@test.local");
        received.From.Mailboxes.Single().Address.Should().Be("noreply@coupdepousse.test");
        received.Subject.Should().Be("Vos objectifs attendent votre validation");
        received.TextBody.Should().Contain($"{TestMail.BaseUrl}cases/{caseId}");
        received.HtmlBody.Should().Contain($"href=\"{TestMail.BaseUrl}cases/{caseId}\"");
    }

    [Fact]
    public async Task The_smtp_transport_throws_when_no_server_answers()
    {
        var transport = new SmtpMailTransport(TestMail.Options(port: 1));

        var send = () => transport.SendAsync(TestMail.Composer().ForNotification(Recipient, NotificationKind.CaseEnded, null, null), Token);

        await send.Should().ThrowAsync<Exception>();
    }

    [Fact]
    public async Task Without_smtp_each_message_is_one_eml_file_in_an_owner_only_pickup_folder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "cdp-pickup-" + Guid.NewGuid().ToString("N"), "mail-pickup");
        try
        {
            var transport = new PickupMailTransport(folder);
            var composer = TestMail.Composer();

            await transport.SendAsync(composer.ForNotification(Recipient, NotificationKind.MeetingProposed, Guid.NewGuid(), null), Token);
            await transport.SendAsync(composer.ForNotification(Recipient, NotificationKind.CaseEnded, Guid.NewGuid(), null), Token);

            var files = Directory.GetFiles(folder, "*.eml");
            files.Should().HaveCount(2);
            var subjects = new List<string>();
            foreach (var file in files)
            {
                subjects.Add((await MimeMessage.LoadAsync(file, Token)).Subject ?? "");
            }

            subjects.Should().BeEquivalentTo("Des créneaux de rendez-vous vous sont proposés", "Un coup de pousse est terminé");
            if (!OperatingSystem.IsWindows())
            {
                File.GetUnixFileMode(folder).Should().Be(App.Data.RestrictedFiles.FolderMode);
                File.GetUnixFileMode(files[0]).Should().Be(App.Data.RestrictedFiles.FileMode);
            }
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }

    [Fact]
    public void The_pickup_folder_defaults_to_a_mail_pickup_folder_next_to_the_database()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Path"] = "store/app.db" }).Build();

        MailSetup.PickupDirectory(configuration, "/srv/cdp").Should().Be("/srv/cdp/store/mail-pickup");
    }

    [Theory]
    [InlineData("https://coupdepousse.example", null, false, "https://coupdepousse.example/cases/x", false)]
    [InlineData(null, "http://127.0.0.1:6000;https://127.0.0.1:6001", true, "http://127.0.0.1:6000/cases/x", false)]
    [InlineData(null, null, true, "http://localhost:5080/cases/x", false)]
    [InlineData(null, null, false, "http://localhost:5080/cases/x", true)]
    public void Links_use_the_public_base_url_or_in_development_the_app_s_own(string? publicBaseUrl, string? urls, bool development, string expected, bool warned)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = urls }).Build();

        var links = MailLinks.From(new MailOptions { PublicBaseUrl = publicBaseUrl }, configuration, development);

        links.For("/cases/x").Should().Be(expected);
        links.IsFallback.Should().Be(warned);
    }
}
