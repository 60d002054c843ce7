using Bunit;
using CoupDePousse.App.Features.Administration;
using CoupDePousse.App.Mail;
using CoupDePousse.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Components.Administration;

/// <summary>With SMTP configured, invitation and reset links go by mail to their owner; the administrator never sees them.</summary>
public class InvitationMailTests : FeaturePageContext
{
    [Fact]
    public async Task An_invitation_goes_by_mail_in_the_person_s_language_and_the_admin_sees_only_the_masked_address()
    {
        await using var server = await TestSmtpServer.StartAsync();
        Services.AddSingleton<IMailTransport>(new SmtpMailTransport(TestMail.Options(server.Port)));
        SignInAs(Admin, "Adam Admin");
        var panel = RenderWithProviders<UsersPanel>();
        panel.WaitForElement("[data-testid=field-new-email]", Patience).Change("nina@example.com");
        panel.Find("[data-testid=field-new-name]").Change("Nina Nouvelle");

        panel.Find("[data-testid=create-user-submit]").Click();

        panel.WaitForElement("[data-testid=invitation-sent]", Patience).TextContent.Should().Contain("n***@example.com");
        panel.FindAll("[data-testid=invitation-link]").Should().BeEmpty("the link went to its owner only");
        panel.Markup.Should().NotContain("AcceptInvitation");
        var mail = (await server.WaitForAsync(1)).Should().ContainSingle().Subject;
        mail.To.Mailboxes.Single().Address.Should().Be("nina@example.com");
        mail.Subject.Should().Be("Votre compte Coup de pousse");
        mail.TextBody.Should().Contain($"{TestMail.BaseUrl}Account/AcceptInvitation?userId=");
    }

    [Fact]
    public async Task A_new_link_from_the_user_editor_goes_by_mail_in_the_person_s_language_and_sets_the_password()
    {
        await using var server = await TestSmtpServer.StartAsync();
        Services.AddSingleton<IMailTransport>(new SmtpMailTransport(TestMail.Options(server.Port)));
        await using (var db = Database.CreateDbContext())
        {
            (await db.Users.FindAsync([IntervenerId], Xunit.TestContext.Current.CancellationToken))!.Language = "en";
            await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
        }

        SignInAs(Admin, "Adam Admin");
        var panel = RenderWithProviders<UsersPanel>();
        panel.WaitForElement($"[data-testid=edit-user][data-user-id='{IntervenerId}']", Patience).Click();

        panel.Find($"[data-testid=user-reset-password][data-user-id='{IntervenerId}']").Click();

        panel.WaitForElement("[data-testid=invitation-sent]", Patience).TextContent.Should().Contain("i***@test.local");
        panel.FindAll("[data-testid=invitation-link]").Should().BeEmpty();
        var mail = (await server.WaitForAsync(1)).Should().ContainSingle().Subject;
        mail.Subject.Should().Be("Your Coup de pousse account", "the intervener never set a password: this is still an invitation, in English");
        var url = System.Text.RegularExpressions.Regex.Match(mail.TextBody ?? "", @"https://\S+").Value;
        await using var services = Database.AccountServices();
        (await services.SetPasswordThroughAsync(new Uri(url).PathAndQuery, "Un-Mot-De-Passe-2026!")).Outcome.Should().Be(App.Security.AccountLinkOutcome.PasswordSet);
    }

    [Fact]
    public void Without_smtp_the_link_is_shown_once_and_nothing_is_written_to_the_pickup_folder()
    {
        var pickup = new RecordingMailTransport(MailTransportMode.Pickup);
        Services.AddSingleton<IMailTransport>(pickup);
        SignInAs(Admin, "Adam Admin");
        var panel = RenderWithProviders<UsersPanel>();
        panel.WaitForElement("[data-testid=field-new-email]", Patience).Change("nina@example.com");
        panel.Find("[data-testid=field-new-name]").Change("Nina Nouvelle");

        panel.Find("[data-testid=create-user-submit]").Click();

        panel.WaitForElement("[data-testid=invitation-link]", Patience).TextContent.Should().Contain("/Account/AcceptInvitation?userId=");
        panel.FindAll("[data-testid=invitation-sent]").Should().BeEmpty();
        pickup.Messages.Should().BeEmpty("the token is a secret: it is never written to the pickup folder");
    }

    [Fact]
    public void When_the_mail_server_cannot_be_reached_the_link_is_shown_once_with_a_word_saying_so()
    {
        Services.AddSingleton<IMailTransport>(new SmtpMailTransport(TestMail.Options(port: 1)));
        SignInAs(Admin, "Adam Admin");
        var panel = RenderWithProviders<UsersPanel>();
        panel.WaitForElement("[data-testid=field-new-email]", Patience).Change("nina@example.com");
        panel.Find("[data-testid=field-new-name]").Change("Nina Nouvelle");

        panel.Find("[data-testid=create-user-submit]").Click();

        panel.WaitForElement("[data-testid=invitation-mail-failed]", Patience);
        panel.Find("[data-testid=invitation-link]").TextContent.Should().Contain("/Account/AcceptInvitation?userId=");
        panel.FindAll("[data-testid=invitation-sent]").Should().BeEmpty();
    }
}
