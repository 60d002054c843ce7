using CoupDePousse.Domain.Common;

namespace CoupDePousse.App.Features.Administration.Backups;

public static class BackupErrors
{
    public static readonly Error Busy = new("backup.busy",
        "Une sauvegarde est déjà en cours : attendez qu’elle se termine.",
        "A backup is already running: wait for it to finish.");

    public static readonly Error Failed = new("backup.failed",
        "La sauvegarde a échoué : {0}",
        "The backup failed: {0}");

    public static readonly Error UsePgDump = new("backup.use_pg_dump",
        "La base est PostgreSQL : elle se sauvegarde avec pg_dump (voir docs/deploy.md).",
        "The database is PostgreSQL: back it up with pg_dump (see docs/deploy.md).");
}
