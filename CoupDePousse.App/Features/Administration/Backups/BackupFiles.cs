using System.Globalization;
using System.Text.RegularExpressions;

namespace CoupDePousse.App.Features.Administration.Backups;

/// <summary>One backup file on disk.</summary>
public sealed record BackupFile(string Name, DateTimeOffset TakenAt, long Bytes);

/// <summary>
/// The names of the backup files: <c>coupdepousse-20261201T023000.000Z.db</c>, written first under the same name plus
/// <c>.partial</c>. Only files with such a name are ever listed or deleted: whatever else lies in the folder stays.
/// </summary>
public static partial class BackupFiles
{
    public const string PartialSuffix = ".partial";
    private const string StampFormat = "yyyyMMdd'T'HHmmss'.'fff'Z'";

    public static string NameFor(DateTimeOffset takenAt) =>
        "coupdepousse-" + takenAt.ToUniversalTime().ToString(StampFormat, CultureInfo.InvariantCulture) + ".db";

    /// <summary>When the backup of that name was taken, or null for a file that is not one of ours.</summary>
    public static DateTimeOffset? TakenAt(string fileName)
    {
        var match = OurName().Match(fileName);
        return match.Success && DateTimeOffset.TryParseExact(match.Groups["stamp"].Value, StampFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var takenAt)
            ? takenAt
            : null;
    }

    /// <summary>Our backups in the folder, newest first.</summary>
    public static IReadOnlyList<BackupFile> List(string folder) =>
        !Directory.Exists(folder)
            ? []
            : new DirectoryInfo(folder).EnumerateFiles("coupdepousse-*.db")
                .Select(file => (file, takenAt: TakenAt(file.Name)))
                .Where(entry => entry.takenAt is not null)
                .Select(entry => new BackupFile(entry.file.Name, entry.takenAt!.Value, entry.file.Length))
                .OrderByDescending(file => file.TakenAt)
                .ToList();

    /// <summary>Deletes our oldest backups beyond <paramref name="keep"/>; returns the names deleted.</summary>
    public static IReadOnlyList<string> Prune(string folder, int keep)
    {
        var beyond = List(folder).Skip(Math.Max(1, keep)).Select(file => file.Name).ToList();
        foreach (var name in beyond)
        {
            File.Delete(Path.Combine(folder, name));
        }

        return beyond;
    }

    /// <summary>Half-written copies a crashed run left behind (ours only).</summary>
    public static void DeleteLeftoverPartials(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "coupdepousse-*.db" + PartialSuffix))
        {
            if (TakenAt(Path.GetFileName(file)[..^PartialSuffix.Length]) is not null)
            {
                File.Delete(file);
            }
        }
    }

    [GeneratedRegex(@"^coupdepousse-(?<stamp>\d{8}T\d{6}\.\d{3}Z)\.db$", RegexOptions.CultureInvariant)]
    private static partial Regex OurName();
}
