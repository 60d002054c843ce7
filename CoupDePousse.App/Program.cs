using CoupDePousse.App.Components;
using CoupDePousse.App.Data;
using CoupDePousse.App.Data.Demo;
using CoupDePousse.App.Data.Generation;
using CoupDePousse.App.Diagnostics;
using CoupDePousse.App.Features;
using CoupDePousse.App.Features.Administration;
using CoupDePousse.App.Features.Administration.Backups;
using CoupDePousse.App.Features.Cases;
using CoupDePousse.App.Features.Meetings;
using CoupDePousse.App.Features.Notifications;
using CoupDePousse.App.Features.Pipeline;
using CoupDePousse.App.Features.Reports;
using CoupDePousse.App.Features.Statements;
using CoupDePousse.App.Localization;
using CoupDePousse.App.Mail;
using CoupDePousse.App.Security;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);
builder.AddAppObservability();

builder.Services.AddRazorComponents()
    .AddInteractiveServerComponents()
    .AddHubOptions(options => options.MaximumReceiveMessageSize = CircuitLimits.MaximumReceiveMessageSize);
builder.Services.AddMudServices();
builder.Services.AddAppLocalization();
builder.Services.AddAppKeyRing(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddAppDatabase(builder.Configuration);
builder.Services.AddAppHealthChecks();
builder.Services.AddAppIdentity();
builder.Services.AddAppHardening(builder.Configuration, builder.Environment);
builder.Services.AddDemoSeeding();
builder.Services.AddFeatureServices();
builder.Services.Configure<NotificationOptions>(builder.Configuration.GetSection(NotificationOptions.Section));
builder.Services.AddCalendarFeed(builder.Configuration);
builder.Services.AddAppMail(builder.Configuration, builder.Environment);
builder.Services.AddMemoryDiagnostics(builder.Configuration, builder.Environment);

var app = builder.Build();

app.UseForwardedHeaders();
app.UseSecurityHeaders();

DemoSeeding.RefuseOutsideDevelopment(app.Configuration, app.Environment);
app.CheckKeyRingIsShared();
if (MigrationCommand.IsRequested(args))
{
    return await app.RunMigrationAsync();
}

if (await app.InitializeDatabaseAsync(DatabaseStartup.MigratesAtStartup(app.Configuration)))
{
    await app.EnsureFirstAdministratorAsync();
    await app.SeedDemoDataAsync();
}

if (GenerationCommand.IsRequested(args))
{
    return await app.RunGenerationAsync(args);
}

if (BackupCommand.IsRequested(args))
{
    return await app.RunBackupAsync();
}

if (CrashProbeCommand.IsRequested(args))
{
    return await app.RunCrashProbeAsync();
}

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
    app.UseHttpsRedirection();
}
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseRequestLocalization();
app.UseRateLimiter();
app.UseMfaEnrolment();
app.UsePrivacyNotice();

app.UseAntiforgery();

app.MapStaticAssets();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = null); // the app's own policy says frame-ancestors 'none'

app.MapAdditionalIdentityEndpoints();
app.MapCultureEndpoint();
app.MapAuditExport();
app.MapStatementExport();
app.MapPipelineExport();
app.MapReportExport();
app.MapPersonalDataExport();
app.MapMeetingCalendar();
app.MapCalendarFeed();
app.MapMemoryDiagnostics();
app.MapAppHealthChecks();

app.Run();
return 0;

public partial class Program;
