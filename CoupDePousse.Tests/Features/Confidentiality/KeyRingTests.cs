using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CoupDePousse.App.Data;
using CoupDePousse.Tests.TestSupport;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoupDePousse.Tests.Features.Confidentiality;

/// <summary>The key ring lives in owner-only files outside the database, survives rotation and may be wrapped by a certificate.</summary>
public sealed class KeyRingTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "coupdepousse-keyring-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Rows_written_before_a_new_key_stay_readable_and_new_rows_use_the_new_key()
    {
        var keysPath = Path.Combine(_root, "keys");
        var firstRun = KeyRingServices(keysPath);
        await using var database = await TestDatabase.CreateAsync(dataProtection: firstRun.GetRequiredService<IDataProtectionProvider>());
        var before = await ConfidentialScenario.StoreEveryKindAsync(database, kind => $"BEFORE-{kind}");
        var keyManager = firstRun.GetRequiredService<IKeyManager>();
        var oldKey = keyManager.GetAllKeys().Single().KeyId;
        var newKey = keyManager.CreateNewKey(activationDate: DateTimeOffset.UtcNow, expirationDate: DateTimeOffset.UtcNow.AddDays(90)).KeyId;
        await firstRun.DisposeAsync();

        // After a restart the key ring is read back from its folder: the newest key protects, every key reads.
        await using var restarted = KeyRingServices(keysPath);
        database.UseKeyRing(restarted.GetRequiredService<IDataProtectionProvider>());
        var after = await ConfidentialScenario.StoreEveryKindAsync(database, kind => $"AFTER-{kind}");

        (await KeyOfDescriptionAsync(database, before.Closed)).Should().Be(oldKey);
        (await KeyOfDescriptionAsync(database, after.Closed)).Should().Be(newKey);
        (await ConfidentialScenario.ReadEveryKindAsync(database, before)).Values.Should().OnlyContain(v => v!.StartsWith("BEFORE-"));
        (await ConfidentialScenario.ReadEveryKindAsync(database, after)).Values.Should().OnlyContain(v => v!.StartsWith("AFTER-"));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void The_key_ring_folder_and_its_files_are_the_owners_alone()
    {
        SkipOnWindows();
        var keysPath = Path.Combine(_root, "keys");
        Directory.CreateDirectory(keysPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        using var services = KeyRingServices(keysPath);

        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("créer une clé");

        File.GetUnixFileMode(keysPath).Should().Be(RestrictedFiles.FolderMode, "an existing key folder is tightened");
        var files = Directory.GetFiles(keysPath);
        files.Should().NotBeEmpty();
        files.Select(File.GetUnixFileMode).Should().OnlyContain(mode => mode == RestrictedFiles.FileMode);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void The_database_file_is_created_the_owners_alone_in_a_folder_of_its_own()
    {
        SkipOnWindows();
        var configuration = Configuration(new() { [DatabaseStartup.PathKey] = "data/app.db" });

        var connectionString = DatabaseStartup.BuildConnectionString(configuration, _root);

        var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
        path.Should().Be(Path.Combine(_root, "data", "app.db"));
        File.GetUnixFileMode(path).Should().Be(RestrictedFiles.FileMode);
        File.GetUnixFileMode(Path.GetDirectoryName(path)!).Should().Be(RestrictedFiles.FolderMode);
        KeyRing.KeysPath(configuration, _root).Should().Be(Path.Combine(_root, "data", "keys"), "the key ring sits next to the database by default");
    }

    [Fact]
    public void Keys_wrapped_by_a_certificate_are_stored_encrypted_and_read_back_after_a_restart()
    {
        var keysPath = Path.Combine(_root, "keys");
        Directory.CreateDirectory(_root);
        var certificatePath = Path.Combine(_root, "keyring.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=CoupDePousse key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            File.WriteAllBytes(certificatePath, certificate.Export(X509ContentType.Pfx, "mot-de-passe"));
        }

        string protectedText;
        using (var services = KeyRingServices(keysPath, certificatePath, "mot-de-passe"))
        {
            protectedText = services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("texte confidentiel");
        }

        var keyFile = File.ReadAllText(Directory.GetFiles(keysPath).Single());
        keyFile.Should().Contain("EncryptedData").And.NotContain("<masterKey");
        using var restarted = KeyRingServices(keysPath, certificatePath, "mot-de-passe");
        restarted.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText).Should().Be("texte confidentiel");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private ServiceProvider KeyRingServices(string keysPath, string? certificatePath = null, string? password = null)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddAppKeyRing(
            Configuration(new()
            {
                [KeyRing.KeysPathKey] = keysPath,
                [KeyRing.CertificatePathKey] = certificatePath,
                [KeyRing.CertificatePasswordKey] = password,
            }),
            _root);
        return services.BuildServiceProvider();
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static async Task<Guid> KeyOfDescriptionAsync(TestDatabase database, Guid caseId)
    {
        await using var db = database.CreateDbContext();
        // SQLite holds a Guid as upper-case text.
        var stored = await db.Database.SqlQueryRaw<string>("SELECT \"Description\" AS \"Value\" FROM \"Cases\" WHERE \"Id\" = {0}", caseId.ToString().ToUpperInvariant()).SingleAsync();
        // A payload is the magic header (4 bytes), then the id of the key that protected it.
        return new Guid(WebEncoders.Base64UrlDecode(stored).AsSpan(4, 16));
    }

    private static void SkipOnWindows()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix file modes.");
        }
    }
}
