using System.Text;
using CoupDePousse.App.Data;
using CoupDePousse.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.Tests.Features.Confidentiality;

/// <summary>The database alone reveals no confidential text: every kind is stored encrypted, on both providers.</summary>
public class EncryptionAtRestTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    private static string Secret(string kind) => $"SECRET-{kind}-a7c3";

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task No_confidential_text_can_be_read_from_the_raw_columns(DatabaseProvider provider)
    {
        await using var database = await CreateAsync(provider);
        var ids = await ConfidentialScenario.StoreEveryKindAsync(database, Secret);

        var raw = await ConfidentialScenario.ReadRawAsync(database);

        raw.Should().NotContain("SECRET-");
        raw.Should().Contain(ConfidentialText.PayloadPrefix);
        var read = await ConfidentialScenario.ReadEveryKindAsync(database, ids);
        read.Values.Should().OnlyContain(value => value != null && value.StartsWith("SECRET-"), "the application reads the text back");
    }

    [Fact]
    public async Task The_sqlite_file_holds_no_confidential_text()
    {
        await using var database = await TestDatabase.CreateAsync();
        await ConfidentialScenario.StoreEveryKindAsync(database, Secret);
        string path;
        await using (var db = database.CreateDbContext())
        {
            path = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        }

        SqliteConnection.ClearAllPools();
        var bytes = Directory.GetFiles(Path.GetDirectoryName(path)!, Path.GetFileName(path) + "*").SelectMany(File.ReadAllBytes).ToArray();

        bytes.Should().NotBeEmpty();
        Encoding.UTF8.GetString(bytes).Should().NotContain("SECRET-");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Text_written_before_encryption_is_encrypted_once_at_startup_and_stays_readable(DatabaseProvider provider)
    {
        await using var database = await CreateAsync(provider);
        var ids = await ConfidentialScenario.StoreEveryKindAsync(database, Secret);
        await WriteAsBeforeEncryptionAsync(database);
        (await ConfidentialScenario.ReadRawAsync(database)).Should().Contain("LEGACY-", "the rows now look like an older deployment's");

        int encrypted;
        await using (var db = database.CreateDbContext())
        {
            encrypted = await ConfidentialTextUpgrade.EncryptPlainTextAsync(db, TestContext.Current.CancellationToken);
        }

        encrypted.Should().BeGreaterThanOrEqualTo(LegacyColumns.Length);
        var raw = await ConfidentialScenario.ReadRawAsync(database);
        raw.Should().NotContain("LEGACY-");
        var read = await ConfidentialScenario.ReadEveryKindAsync(database, ids);
        read.Should().BeEquivalentTo(new Dictionary<string, string?>
        {
            ["Request"] = "LEGACY-Request",
            ["VerdictComment"] = "LEGACY-VerdictComment",
            ["DraftStatement"] = "LEGACY-DraftStatement",
            ["DraftMeasure"] = "LEGACY-DraftMeasure",
            ["ObjectiveStatement"] = "LEGACY-ObjectiveStatement",
            ["ObjectiveMeasure"] = "LEGACY-ObjectiveMeasure",
            ["RevisionStatement"] = "LEGACY-RevisionStatement",
            ["RevisionMeasure"] = "LEGACY-RevisionMeasure",
            ["ExtensionReason"] = "LEGACY-ExtensionReason",
            ["SessionNote"] = "LEGACY-SessionNote",
            ["ClosingSummary"] = "LEGACY-ClosingSummary",
            ["CompanyTextDraft"] = "LEGACY-CompanyTextDraft",
            ["ApprovedCompanyText"] = "LEGACY-ApprovedCompanyText",
            ["ReferralNote"] = "LEGACY-ReferralNote",
            ["CancellationReason"] = "LEGACY-CancellationReason",
            ["JournalEntry"] = "LEGACY-JournalEntry",
            ["SatisfactionComment"] = "LEGACY-SatisfactionComment",
            ["ActionItem"] = "LEGACY-ActionItem",
            ["ConflictDescription"] = "LEGACY-ConflictDescription",
        });

        await using (var again = database.CreateDbContext())
        {
            (await ConfidentialTextUpgrade.EncryptPlainTextAsync(again, TestContext.Current.CancellationToken)).Should().Be(0);
        }

        (await ConfidentialScenario.ReadRawAsync(database)).Should().Be(raw, "a second run changes nothing");
    }

    /// <summary>Each confidential column, as an older deployment wrote it: plain text.</summary>
    private static readonly (string Table, string Column, string Kind)[] LegacyColumns =
    [
        ("Cases", "Description", "Request"),
        ("Cases", "ClosingSummary", "ClosingSummary"),
        ("Cases", "CompanyTextDraft", "CompanyTextDraft"),
        ("Cases", "ApprovedCompanyText", "ApprovedCompanyText"),
        ("Cases", "ReferralNote", "ReferralNote"),
        ("Cases", "CancellationReason", "CancellationReason"),
        ("Cases", "ConflictDescription", "ConflictDescription"),
        ("Cases", "SatisfactionComment", "SatisfactionComment"),
        ("CriterionVerdicts", "Comment", "VerdictComment"),
        ("ObjectiveDrafts", "Statement", "DraftStatement"),
        ("ObjectiveDrafts", "SuccessMeasure", "DraftMeasure"),
        ("Objectives", "Statement", "ObjectiveStatement"),
        ("Objectives", "SuccessMeasure", "ObjectiveMeasure"),
        ("BudgetExtensions", "Comment", "ExtensionReason"),
        ("SessionNotes", "Text", "SessionNote"),
        ("JournalEntries", "Text", "JournalEntry"),
        ("ActionItems", "Text", "ActionItem"),
    ];

    private static async Task WriteAsBeforeEncryptionAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        foreach (var (table, column, kind) in LegacyColumns)
        {
            var update = $"UPDATE \"{table}\" SET \"{column}\" = 'LEGACY-{kind}' WHERE \"{column}\" IS NOT NULL";
            await db.Database.ExecuteSqlRawAsync(update);
        }

        // Through a bare command: EF's raw SQL would read the JSON's braces as placeholders.
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE \"ObjectiveRevisions\" SET \"Objectives\" = '[{\"Statement\":\"LEGACY-RevisionStatement\",\"SuccessMeasure\":\"LEGACY-RevisionMeasure\"}]'";
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Postgres && !TestDatabase.PostgresConfigured)
        {
            Assert.Skip($"{TestDatabase.PostgresVariable} is not set; ./scripts/test.sh starts PostgreSQL and sets it.");
        }

        return await TestDatabase.CreateAsync(provider);
    }
}
