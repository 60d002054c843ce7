using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Administration.Backups;
using CoupDePousse.App.Features.Common;
using CoupDePousse.Domain.Common;
using CoupDePousse.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Backups;

/// <summary>The backups tab's service: the administrator's alone, listing the files and the recorded runs.</summary>
public sealed class BackupServiceTests : IDisposable
{
    private readonly BackupFolder folder = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => folder.Dispose();

    private BackupService Service(TestDatabase database) =>
        new(folder.Job(database), database, Options.Create(folder.Settings()), database.Clock, database.Logger<BackupService>());

    public static TheoryData<string> OtherRoles => new(nameof(Role.HR), nameof(Role.Intervener), nameof(Role.Manager), nameof(Role.Beneficiary));

    [Theory]
    [MemberData(nameof(OtherRoles))]
    public async Task Nobody_but_the_admin_sees_or_makes_a_backup(string role)
    {
        await using var database = await TestDatabase.CreateAsync();
        var actor = new Actor("someone", Enum.Parse<Role>(role));
        var service = Service(database);

        (await service.GetAsync(actor, Token)).Error.Should().Be(AppErrors.Forbidden);
        (await service.BackUpNowAsync(actor, Token)).Error.Should().Be(AppErrors.Forbidden);

        folder.FileNames().Should().BeEmpty();
        await using var db = database.CreateDbContext();
        (await db.SecurityEvents.AnyAsync(Token)).Should().BeFalse();
    }

    [Fact]
    public async Task The_admin_backs_up_now_and_sees_the_files_and_who_asked_for_each_run()
    {
        await using var database = await TestDatabase.CreateAsync();
        var service = Service(database);
        (await folder.Job(database).RunAsync(BackupTrigger.Scheduled, null, Token)).Outcome.Should().Be(BackupOutcome.Made);
        database.Clock.Advance(TimeSpan.FromMinutes(5));

        var made = await service.BackUpNowAsync(Admin, Token);

        made.IsSuccess.Should().BeTrue();
        var view = (await service.GetAsync(Admin, Token)).Value;
        view.OnSqlite.Should().BeTrue();
        view.Folder.Should().Be(folder.Path);
        (view.Keep, view.ScheduleEnabled, view.DailyAt).Should().Be((14, true, new TimeOnly(2, 30)));
        view.NextScheduledAt.Should().Be(new DateTimeOffset(2026, 11, 21, 2, 30, 0, TimeSpan.Zero));
        view.Files.Select(f => f.Name).Should().Equal(made.Value.Name, BackupFiles.NameFor(Now));
        view.Files.Should().OnlyContain(f => f.Bytes > 0);
        view.Runs.Select(r => (r.Succeeded, r.RequestedBy)).Should().Equal((true, "Adam Admin"), (true, null));
        view.Runs[0].Details.Should().Contain(made.Value.Name);
    }

    [Fact]
    public async Task The_default_folder_is_a_backups_folder_beside_the_database_file()
    {
        await using var database = await TestDatabase.CreateAsync();
        var job = new BackupJob(database, Options.Create(new BackupOptions()), new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ContentRootPath = folder.Path },
            database.Clock, database.Logger<BackupJob>());
        await using var db = database.CreateDbContext();
        var databaseFile = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;

        (await job.FolderAsync(Token)).Should().Be(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databaseFile))!, "backups"));
    }
}
