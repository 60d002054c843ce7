using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Interveners;
using CoupDePousse.Domain.Meetings;
using CoupDePousse.Domain.Resources;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CoupDePousse.App.Data;

/// <summary>The application's model. On SQLite (the default) this type carries the migrations; on PostgreSQL, <see cref="PostgresAppDbContext"/>.</summary>
public class AppDbContext : IdentityDbContext<ApplicationUser>
{
    public AppDbContext(DbContextOptions<AppDbContext> options, IDataProtectionProvider dataProtection)
        : base(options)
    {
        DataProtection = dataProtection;
    }

    /// <summary>For a provider-specific subtype, which EF keys its own migrations to.</summary>
    protected AppDbContext(DbContextOptions options, IDataProtectionProvider dataProtection)
        : base(options)
    {
        DataProtection = dataProtection;
    }

    /// <summary>The key ring of the confidential columns (<see cref="ConfidentialText"/>); the model is built once per key ring.</summary>
    internal IDataProtectionProvider DataProtection { get; }

    public DbSet<CoachingCase> Cases => Set<CoachingCase>();

    /// <summary>Private notes: read only through the notes' own service, filtered by <see cref="SessionNote.ReadableBy"/>.</summary>
    public DbSet<SessionNote> SessionNotes => Set<SessionNote>();

    /// <summary>The beneficiary's journal: read only through <c>JournalService</c>, filtered by <see cref="JournalEntry.ReadableBy"/>.</summary>
    public DbSet<JournalEntry> JournalEntries => Set<JournalEntry>();

    /// <summary>The administrator's library of resources to share with beneficiaries (decision 028).</summary>
    public DbSet<LibraryResource> LibraryResources => Set<LibraryResource>();

    /// <summary>Resources shared on a case and its action items: read only through <c>BetweenSessionsService</c>, by the case's two parties.</summary>
    public DbSet<ResourceShare> ResourceShares => Set<ResourceShare>();

    public DbSet<ActionItem> ActionItems => Set<ActionItem>();

    public DbSet<IntervenerProfile> IntervenerProfiles => Set<IntervenerProfile>();

    /// <summary>Planned meetings of the cases; where they take place is for their two participants only.</summary>
    public DbSet<Meeting> Meetings => Set<Meeting>();

    /// <summary>What each person is told (the bell) and the mail each line may send; see <see cref="Notification"/>.</summary>
    public DbSet<Notification> Notifications => Set<Notification>();

    /// <summary>Private calendar subscriptions: the hash of each person's secret, never the secret itself.</summary>
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
    /// <summary>The kinds of mail each person switched off.</summary>
    public DbSet<MailPreference> MailPreferences => Set<MailPreference>();

    public DbSet<BudgetSettings> BudgetSettings => Set<BudgetSettings>();

    /// <summary>Which version of the privacy notice each person read, and when.</summary>
    public DbSet<PrivacyAcknowledgement> PrivacyAcknowledgements => Set<PrivacyAcknowledgement>();

    public DbSet<EnvelopeSetting> ProgrammeEnvelopes => Set<EnvelopeSetting>();

    public DbSet<DepartmentEnvelopeSetting> DepartmentEnvelopes => Set<DepartmentEnvelopeSetting>();

    /// <summary>Who runs each scheduled job until when (<see cref="JobLeases"/>).</summary>
    public DbSet<JobLease> JobLeases => Set<JobLease>();

    /// <summary>The security audit trail: rows are added, never changed or removed.</summary>
    public DbSet<SecurityEvent> SecurityEvents => Set<SecurityEvent>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    /// <summary>The admin's retention periods (one row) and the record of each retention run (decision 039).</summary>
    public DbSet<RetentionSettings> RetentionSettings => Set<RetentionSettings>();

    public DbSet<RetentionRun> RetentionRuns => Set<RetentionRun>();

    /// <summary>HR's figures by combination of facts: written only through <see cref="Data.CaseCounts"/>, with each change to a case.</summary>
    public DbSet<CaseCount> CaseCounts => Set<CaseCount>();

    /// <summary>The request ids of proposal forms, one per case they created (decision 045).</summary>
    public DbSet<ProposalRequest> ProposalRequests => Set<ProposalRequest>();

    /// <summary>
    /// Whether saving a change to a case or meeting also writes who is told of it (<see cref="NotificationRows"/>). Off only for
    /// data that did not happen in the app: demo seeding and generated populations.
    /// </summary>
    public bool WritesNotifications { get; set; } = true;

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseAuditChanges();
        if (WritesNotifications)
        {
            NotificationRows.Add(this);
        }

        var deltas = Data.CaseCounts.DeltasOf(ChangeTracker);
        if (deltas.IsEmpty)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        // The counts change in the same transaction as the cases, or not at all.
        using var transaction = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        deltas.Apply(this);
        transaction?.Commit();
        return saved;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseAuditChanges();
        if (WritesNotifications)
        {
            await NotificationRows.AddAsync(this, cancellationToken);
        }

        var deltas = Data.CaseCounts.DeltasOf(ChangeTracker);
        if (deltas.IsEmpty)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // The counts change in the same transaction as the cases, or not at all.
        await using var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await deltas.ApplyAsync(this, cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return saved;
    }

    private void RefuseAuditChanges()
    {
        if (ChangeTracker.Entries<SecurityEvent>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The security audit trail is append-only.");
        }
    }

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.ReplaceService<IModelCacheKeyFactory, KeyRingModelCacheKeyFactory>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        ConfidentialText.ApplyProtection(builder.Model, DataProtection);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in the database and safe when members are reordered.
        configurationBuilder.Properties<CaseState>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<CaseOutcome>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<CaseTrigger>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<ConflictDeclarationStatus>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<Role>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<Party>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<AcceptanceCriterion>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<ObjectiveRating>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<SessionMode>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ExtensionStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ExtensionCategory>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<ReferralKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<CoachingDomain>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<WaitingParty>().HaveConversion<string>().HaveMaxLength(16);

        // SQLite cannot order or compare DateTimeOffset; stored as sortable binary it can.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }

        // PostgreSQL's timestamptz takes only UTC offsets; the instant is what matters.
        if (Database.IsNpgsql())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcDateTimeOffsetConverter>();
        }
    }
}

/// <summary>The model holds the converters of one key ring: a context over another key ring gets its own model.</summary>
internal sealed class KeyRingModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), (context as AppDbContext)?.DataProtection, designTime);
}
