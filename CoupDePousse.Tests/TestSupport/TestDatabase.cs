using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Cases;
using CoupDePousse.App.Features.Pipeline;
using CoupDePousse.App.Security;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Domain.Interveners;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.TestSupport;

/// <summary>
/// A real SQLite database file, migrated like production, holding the builder's people
/// (same ids as <see cref="CaseBuilder"/>), and the application services wired on it.
/// </summary>
public sealed class TestDatabase : IDbContextFactory<AppDbContext>, IAsyncDisposable
{
    public const string OtherBeneficiaryId = "beneficiary-2";

    /// <summary>Set by scripts/test.sh (scripts/postgres.sh): a server where the tests may create databases.</summary>
    public const string PostgresVariable = "COUPDEPOUSSE_TEST_POSTGRES";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "coupdepousse-tests-" + Guid.NewGuid().ToString("N"));
    private readonly Func<IDataProtectionProvider, AppDbContext> _createContext;
    private readonly DbContextOptions<AppDbContext>? _sqliteOptions;
    private readonly DbContextOptions<PostgresAppDbContext>? _postgresOptions;

    /// <summary>One key ring for every test database, so that they share one built model (it holds the converters).</summary>
    public static IDataProtectionProvider SharedDataProtection { get; } = new EphemeralDataProtectionProvider();

    private TestDatabase(DatabaseProvider provider, IDataProtectionProvider dataProtection)
    {
        Provider = provider;
        DataProtection = dataProtection;
        // Identity reads its schema version from the app's services: give it the app's.
        var identityOptions = new ServiceCollection().AddTestIdentity().BuildServiceProvider();
        if (provider == DatabaseProvider.Postgres)
        {
            var server = Environment.GetEnvironmentVariable(PostgresVariable)
                ?? throw new InvalidOperationException($"{PostgresVariable} is not set: run ./scripts/test.sh");
            ConnectionString = $"{server};Database=cdp_test_{Guid.NewGuid():N}";
            var options = new DbContextOptionsBuilder<PostgresAppDbContext>()
                .UseNpgsql(ConnectionString)
                .UseApplicationServiceProvider(identityOptions)
                .Options;
            _postgresOptions = options;
            _createContext = keyRing => new PostgresAppDbContext(options, keyRing);
        }
        else
        {
            Directory.CreateDirectory(_directory);
            var options = new DbContextOptionsBuilder<AppDbContext>()
                .UseSqlite($"Data Source={Path.Combine(_directory, "test.db")}")
                .UseApplicationServiceProvider(identityOptions)
                .Options;
            _sqliteOptions = options;
            _createContext = keyRing => new AppDbContext(options, keyRing);
        }

        Clock = new FakeTimeProvider(Now);
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The PostgreSQL database's connection string, for app hosts started on it (null on SQLite).</summary>
    public string? ConnectionString { get; }

    /// <summary>The key ring of the confidential columns.</summary>
    public IDataProtectionProvider DataProtection { get; private set; }

    public FakeTimeProvider Clock { get; }

    public RecordingLoggerProvider Logs { get; } = new();

    public static bool PostgresConfigured => Environment.GetEnvironmentVariable(PostgresVariable) is not null;

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider = DatabaseProvider.Sqlite, IDataProtectionProvider? dataProtection = null)
    {
        var database = new TestDatabase(provider, dataProtection ?? SharedDataProtection);
        await using var db = database.CreateDbContext();
        await db.Database.MigrateAsync();
        await database.SeedPeopleAsync(db);
        return database;
    }

    /// <summary>The options of a SQLite test database, to build a context with extra interceptors.</summary>
    public DbContextOptions<AppDbContext> Options => _sqliteOptions ?? throw new InvalidOperationException("Interceptors are wired on the SQLite test database only.");

    public AppDbContext CreateDbContext() => _createContext(DataProtection);

    /// <summary>A context on this database through extra interceptors (a barrier, the production pragmas), on either provider.</summary>
    public AppDbContext CreateDbContext(params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors) => _postgresOptions is { } postgres
        ? new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>(postgres).AddInterceptors(interceptors).Options, DataProtection)
        : new AppDbContext(new DbContextOptionsBuilder<AppDbContext>(Options).AddInterceptors(interceptors).Options, DataProtection);

    /// <summary>Reads the same database through another key ring, as the app does after a restart.</summary>
    public void UseKeyRing(IDataProtectionProvider dataProtection) => DataProtection = dataProtection;

    public CaseService Cases() => new(this, Runner(), Clock, Logger<CaseService>());

    public SessionNoteService SessionNotes() => new(this, Clock, Audit(), Logger<SessionNoteService>());

    /// <summary>The security audit trail, written to this database.</summary>
    public SecurityAudit Audit() => new(this, Clock, new Microsoft.AspNetCore.Http.HttpContextAccessor());

    public PersonalDataService PersonalData() => new(this, Cases(), Agreements(), Journal(), BetweenSessions(), Audit(), Clock);

    public JournalService Journal() => new(this, Clock, Logger<JournalService>());

    public BetweenSessionsService BetweenSessions() => new(this, Clock, Logger<BetweenSessionsService>());

    public App.Features.Administration.ResourceLibraryService ResourceLibrary() => new(this, Clock, Logger<App.Features.Administration.ResourceLibraryService>());

    public PipelineService Pipeline() => new(this, Clock, Logger<PipelineService>());

    public AgreementService Agreements() => new(this, Runner(), Logger<AgreementService>());

    /// <summary>The zone a person chose in their account (null: Paris).</summary>
    public async Task SetTimeZoneAsync(string userId, string? timeZoneId)
    {
        await using var db = CreateDbContext();
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.TimeZoneId, timeZoneId));
    }

    public App.Features.Meetings.MeetingService Meetings() => new(this, Clock, Logger<App.Features.Meetings.MeetingService>());

    public App.Features.Notifications.NotificationService Notifications() => new(this, Clock, Logger<App.Features.Notifications.NotificationService>());

    private CaseCommandRunner Runner() => new(this, Clock, Logger<CaseCommandRunner>());

    public ILogger<T> Logger<T>() => new Logger<T>(new LoggerFactory([Logs]));

    /// <summary>Stores a case built in memory by the domain, as if it had lived in the app (its past notifications left out).</summary>
    public async Task<CoachingCase> SaveAsync(CoachingCase coachingCase)
    {
        await using var db = CreateDbContext();
        db.WritesNotifications = false;
        db.Cases.Add(coachingCase);
        await db.SaveChangesAsync();
        return coachingCase;
    }

    public async Task<CoachingCase> LoadAsync(Guid id)
    {
        await using var db = CreateDbContext();
        return await db.LoadCaseAsync(id) ?? throw new InvalidOperationException($"Case {id} not found");
    }

    private async Task SeedPeopleAsync(AppDbContext db)
    {
        var roles = Roles.All.ToDictionary(r => r, r => new IdentityRole(r) { NormalizedName = r.ToUpperInvariant() });
        db.Roles.AddRange(roles.Values);
        (string Id, string Name, string Role, string? Manager, string? Department)[] people =
        [
            (BeneficiaryId, "Bénédicte Bénéficiaire", Roles.Beneficiary, ManagerId, "Logistique"),
            (OtherBeneficiaryId, "Octave Autre", Roles.Beneficiary, OtherManagerId, "Ventes"),
            (ManagerId, "Marc Manager", Roles.Manager, null, "Logistique"),
            (OtherManagerId, "Mona Manager", Roles.Manager, null, "Ventes"),
            (HrId, "Hélène RH", Roles.HR, null, "RH"),
            (IntervenerId, "Inès Intervenante", Roles.Intervener, null, null),
            (OtherIntervenerId, "Igor Intervenant", Roles.Intervener, null, null),
            (AdminId, "Adam Admin", Roles.Admin, null, null),
        ];
        foreach (var person in people)
        {
            var email = person.Id + "@test.local";
            db.Users.Add(new ApplicationUser
            {
                Id = person.Id,
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                DisplayName = person.Name,
                ManagerId = person.Manager,
                Department = person.Department,
                SecurityStamp = Guid.NewGuid().ToString(),
            });
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = person.Id, RoleId = roles[person.Role].Id });
        }

        db.IntervenerProfiles.Add(IntervenerProfile.Create(IntervenerId, [CoachingDomain.ManagementAndCommunication, CoachingDomain.StrategyAndTactics], 5, 120_00).Value);
        db.IntervenerProfiles.Add(IntervenerProfile.Create(OtherIntervenerId, [CoachingDomain.StressAndEmotions], 5, 100_00).Value);
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            await using var db = CreateDbContext();
            await db.Database.EnsureDeletedAsync();
            return;
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp file is harmless.
        }
    }
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Keeps every log line, to check what refused calls write (and what they must not).</summary>
public sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly List<(LogLevel Level, string Message)> _entries = [];

    public IReadOnlyList<(LogLevel Level, string Message)> Entries
    {
        get
        {
            lock (_entries)
            {
                return _entries.ToList();
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new RecordingLogger(this);

    public void Dispose()
    {
    }

    private sealed class RecordingLogger(RecordingLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (provider._entries)
            {
                provider._entries.Add((logLevel, formatter(state, exception)));
            }
        }
    }
}
