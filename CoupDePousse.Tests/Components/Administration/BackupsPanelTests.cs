using Bunit;
using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Administration.Backups;
using CoupDePousse.Tests.Features.Backups;
using CoupDePousse.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Components.Administration;

/// <summary>The backups tab: "back up now" once however often it is clicked, then the new file and its run listed.</summary>
public sealed class BackupsPanelTests : FeaturePageContext
{
    private readonly BackupFolder folder = new();

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        folder.Dispose();
    }

    [Fact]
    public async Task A_double_click_on_back_up_now_makes_one_backup_then_lists_it()
    {
        var release = new TaskCompletionSource();
        var watcher = new VacuumWatcher { HoldUntil = release.Task };
        Services.AddSingleton(folder.Job(Database, new InterceptedDatabase(Database, watcher)));
        Services.AddSingleton(Options.Create(folder.Settings()));
        SignInAs(Admin, "Adam Admin");
        var panel = RenderWithProviders<BackupsPanel>();
        panel.WaitForElement("[data-testid=backup-files-empty]", Patience);
        panel.Find("[data-testid=backup-runs-empty]");

        panel.Find("[data-testid=backup-now]").Click();
        await watcher.Started.Task.WaitAsync(TimeSpan.FromSeconds(10), Xunit.TestContext.Current.CancellationToken);
        panel.Find("[data-testid=backup-now]").Click();
        release.SetResult();

        panel.WaitForAssertion(() => panel.FindAll("[data-testid=backup-file]").Should().ContainSingle(), Patience);
        panel.FindAll("[data-testid=error-message]").Should().BeEmpty("the second click never reached the service, which would have answered busy");
        panel.Find("[data-testid=backup-file]").TextContent.Should().Contain(BackupFiles.NameFor(Now));
        panel.Find("[data-testid=backup-run]").TextContent.Should().Contain("Faite").And.Contain("Adam Admin");
        await using var db = Database.CreateDbContext();
        (await db.SecurityEvents.CountAsync(e => e.Kind == SecurityEventKind.BackupMade, Xunit.TestContext.Current.CancellationToken)).Should().Be(1);
    }
}
