using CoupDePousse.App.Features.Administration;
using CoupDePousse.App.Features.Administration.Backups;
using CoupDePousse.App.Features.Cases;
using CoupDePousse.App.Features.Common;
using CoupDePousse.App.Features.Meetings;
using CoupDePousse.App.Features.Notifications;
using CoupDePousse.App.Features.Pipeline;
using CoupDePousse.App.Features.Preferences;
using CoupDePousse.App.Features.Privacy;
using CoupDePousse.App.Features.Statements;
using CoupDePousse.App.Features.Reminders;
using CoupDePousse.App.Features.Reports;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoupDePousse.App.Features;

public static class FeatureServices
{
    /// <summary>The application services: one per aggregate (private notes keep their own); each opens its own short-lived contexts.</summary>
    public static IServiceCollection AddFeatureServices(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<CaseCommandRunner>();
        services.AddScoped<CaseService>();
        services.AddScoped<SessionNoteService>();
        services.AddScoped<JournalService>();
        services.AddScoped<FormDrafts>();
        services.AddScoped<BetweenSessionsService>();
        services.AddScoped<ResourceLibraryService>();
        services.AddScoped<AgreementService>();
        services.AddScoped<PersonalDataService>();
        services.AddScoped<PipelineService>();
        services.AddScoped<EnvelopeService>();
        services.AddScoped<EnvelopeSettingsService>();
        services.AddScoped<ReportService>();
        services.AddScoped<MeetingService>();
        services.AddScoped<NotificationService>();
        services.AddScoped<NotificationState>();
        services.AddOptions<NotificationOptions>();
        services.AddScoped<PreferencesService>();
        services.AddScoped<PrivacyNoticeService>();
        services.AddScoped<AdministrationService>();
        services.AddScoped<AuditTrailService>();
        services.AddScoped<StatementService>();
        services.AddScoped<MailPreferenceService>();
        services.AddOptions<JobOptions>().BindConfiguration(JobOptions.Section);
        services.AddSingleton<ReminderJob>();
        services.AddHostedService<ReminderHostedService>();
        services.AddOptions<BackupOptions>().BindConfiguration(BackupOptions.Section);
        services.AddSingleton<BackupJob>();
        services.AddScoped<BackupService>();
        services.AddHostedService<BackupHostedService>();
        services.AddOptions<RetentionJobOptions>().BindConfiguration(JobOptions.Section);
        services.AddSingleton<PersonErasure>();
        services.AddSingleton<RetentionJob>();
        services.AddScoped<RetentionService>();
        services.AddHostedService<RetentionHostedService>();
        return services;
    }
}
