using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace CoupDePousse.App.Data;

/// <summary>
/// The Data Protection key ring (confidential columns, session tickets, account links), kept in files outside
/// the database: a copy of the database alone reads none of the confidential text.
/// </summary>
public static class KeyRing
{
    public const string ApplicationName = "CoupDePousse";
    public const string KeysPathKey = "DataProtection:KeysPath";
    public const string CertificatePathKey = "DataProtection:CertificatePath";
    public const string CertificatePasswordKey = "DataProtection:CertificatePassword";
    public const string DefaultFolderName = "keys";

    /// <summary>
    /// Keys in <c>DataProtection:KeysPath</c> (relative to the content root), by default a <c>keys</c> folder next to
    /// the SQLite file; folder 0700 and files 0600 on Unix; wrapped by the certificate of
    /// <c>DataProtection:CertificatePath</c> when set.
    /// </summary>
    public static IDataProtectionBuilder AddAppKeyRing(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        var keysPath = KeysPath(configuration, contentRootPath);
        var builder = services.AddDataProtection().SetApplicationName(ApplicationName);
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<ILoggerFactory>((options, loggers) => options.XmlRepository = new RestrictedFileSystemXmlRepository(keysPath, loggers));

        var certificatePath = configuration[CertificatePathKey];
        if (!string.IsNullOrWhiteSpace(certificatePath))
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(
                Path.GetFullPath(Path.Combine(contentRootPath, certificatePath)),
                configuration[CertificatePasswordKey],
                X509KeyStorageFlags.EphemeralKeySet);
            builder.ProtectKeysWithCertificate(certificate);
        }

        return builder;
    }

    /// <summary>
    /// On PostgreSQL (likely several instances) the key folder must be named: the default one sits next to a SQLite file that
    /// does not exist, so each instance would make its own keys and refuse the others' cookies and confidential text.
    /// Refused in Production, a warning elsewhere.
    /// </summary>
    public static void CheckKeyRingIsShared(this WebApplication app)
    {
        if (SharingProblem(app.Configuration) is not { } problem)
        {
            return;
        }

        if (app.Environment.IsProduction())
        {
            throw new InvalidOperationException(problem);
        }

        app.Logger.LogWarning("{Problem}", problem);
    }

    public static string? SharingProblem(IConfiguration configuration) =>
        string.Equals(configuration[DatabaseStartup.ProviderKey], "Postgres", StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(configuration[KeysPathKey])
            ? $"Database:Provider is Postgres but {KeysPathKey} is not set: set it to a folder every instance shares (and {CertificatePathKey} to protect it), or instances refuse each other's cookies and confidential text."
            : null;

    public static string KeysPath(IConfiguration configuration, string contentRootPath)
    {
        var configured = configuration[KeysPathKey];
        return string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(Path.GetDirectoryName(DatabaseStartup.DatabasePath(configuration, contentRootPath))!, DefaultFolderName)
            : Path.GetFullPath(Path.Combine(contentRootPath, configured));
    }
}

/// <summary>Data Protection's file repository, with the folder kept at 0700 and every key file at 0600.</summary>
internal sealed class RestrictedFileSystemXmlRepository(string path, ILoggerFactory loggerFactory)
    : FileSystemXmlRepository(RestrictedFiles.OwnerOnlyFolder(path, tightenExisting: true), loggerFactory)
{
    public override void StoreElement(XElement element, string friendlyName)
    {
        base.StoreElement(element, friendlyName);
        foreach (var file in Directory.EnumerateFiles("*.xml"))
        {
            RestrictedFiles.OwnerOnly(file.FullName);
        }
    }
}

/// <summary>Owner-only folders and files (Unix modes) for what other accounts of the server must not read.</summary>
public static class RestrictedFiles
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the folder (and missing parents) 0700; an existing folder is tightened only when it is ours alone.</summary>
    public static DirectoryInfo OwnerOnlyFolder(string path, bool tightenExisting)
    {
        if (OperatingSystem.IsWindows())
        {
            return Directory.CreateDirectory(path);
        }

        var existed = Directory.Exists(path);
        var folder = Directory.CreateDirectory(path, FolderMode);
        if (existed && tightenExisting)
        {
            folder.UnixFileMode = FolderMode;
        }

        return folder;
    }

    /// <summary>Creates an empty file 0600 when missing, so that nothing creates it later with wider rights.</summary>
    public static void CreateOwnerOnlyFile(string path)
    {
        if (File.Exists(path))
        {
            return;
        }

        var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        try
        {
            using var _ = new FileStream(path, options);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it meanwhile.
        }
    }

    public static void OwnerOnly(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, FileMode);
        }
    }
}
