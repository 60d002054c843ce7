using CoupDePousse.App.Data;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CoupDePousse.App.Mail;

public static class MailSetup
{
    /// <summary>The mail section, its transport (SMTP or the pickup folder), the composer and the background sender.</summary>
    public static IServiceCollection AddAppMail(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(MailOptions.Section);
        services.AddOptions<MailOptions>().Bind(section);
        var options = section.Get<MailOptions>() ?? new MailOptions();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(MailLinks.From(options, configuration, environment.IsDevelopment()));
        services.AddSingleton<IMailTransport>(provider => options.SmtpConfigured
            ? new SmtpMailTransport(provider.GetRequiredService<IOptions<MailOptions>>())
            : new PickupMailTransport(PickupDirectory(configuration, environment.ContentRootPath)));
        services.AddSingleton<MailComposer>();
        services.AddSingleton<AccountLinkMail>();
        // Every save that commits notifications wakes the sender, so a mail leaves within a second, not at the next poll.
        services.AddSingleton(provider =>
        {
            var wakeUp = new MailWakeUp();
            provider.GetRequiredService<NotificationsWritten>().Written += wakeUp.Wake;
            return wakeUp;
        });
        services.AddSingleton<MailDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<MailDispatcher>());
        return services;
    }

    /// <summary><c>Mail:PickupDirectory</c> (relative to the content root), by default a <c>mail-pickup</c> folder next to the SQLite file.</summary>
    public static string PickupDirectory(IConfiguration configuration, string contentRootPath)
    {
        var configured = configuration[$"{MailOptions.Section}:{nameof(MailOptions.PickupDirectory)}"];
        return string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(Path.GetDirectoryName(DatabaseStartup.DatabasePath(configuration, contentRootPath))!, MailOptions.DefaultPickupFolderName)
            : Path.GetFullPath(Path.Combine(contentRootPath, configured));
    }
}
