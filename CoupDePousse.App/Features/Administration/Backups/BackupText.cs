namespace CoupDePousse.App.Features.Administration.Backups;

/// <summary>Marker for the backups tab's strings: French in BackupText.resx (neutral), English in BackupText.en.resx.</summary>
public sealed class BackupText;
