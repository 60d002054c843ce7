namespace CoupDePousse.App.Features.Administration.Backups;

/// <summary>Where and when the SQLite database is backed up (configuration section "Backups").</summary>
public sealed class BackupOptions
{
    public const string Section = "Backups";

    /// <summary>The daily backup; a backup on demand works either way.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Relative to the content root; by default a <c>backups</c> folder beside the database file.</summary>
    public string? Folder { get; set; }

    /// <summary>How many backups are kept; the oldest beyond it are deleted after each new one.</summary>
    public int Keep { get; set; } = 14;

    /// <summary>The time of day of the scheduled backup, in the server's local time.</summary>
    public TimeOnly DailyAt { get; set; } = new(2, 30);
}
