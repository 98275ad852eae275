using Twin.Data.Store.Providers;

namespace Twin.Data.Store;

public sealed class TwinStoreOptions
{
    /// <summary>Which engine holds the twin (<c>Twin:Storage:Provider</c>): the embedded SQLite file by default.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>The PostgreSQL connection string (<c>Twin:Storage:ConnectionString</c>); required with <see cref="StorageProvider.Postgres"/>, unused otherwise.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The database file; its directory is created when missing.</summary>
    public string DatabasePath { get; set; } = Path.Combine("data", "twin.db");

    /// <summary>How long a command waits for a lock held by another connection before it fails.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Raw sensor readings are kept this many days; hourly and daily rollups keep what they said.</summary>
    public int RawObservationDays { get; set; } = 7;

    /// <summary>Hourly rollups are kept this many days (two years); daily rollups are kept for good.</summary>
    public int HourlyRollupDays { get; set; } = 730;

    /// <summary>How often the background pass sums up finished hours and trims what is past its keep.</summary>
    public int LifecycleMinutes { get; set; } = 10;

    /// <summary>A field photo's image is kept this many days after its upload; its evidence record stays with the ticket.</summary>
    public int FieldPhotoDays { get; set; } = 365;

    /// <summary>An AI alarm's snapshot is kept this many days unless the alarm was filed as a case (then it is the case's evidence).</summary>
    public int AlarmSnapshotDays { get; set; } = 30;

    public BackupOptions Backup { get; set; } = new();

    /// <summary>Throws when a value cannot work; the host calls it at start-up.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Provider))
        {
            throw new ArgumentException("Twin:Storage:Provider must be Sqlite or Postgres.");
        }

        if (Provider == StorageProvider.Postgres && string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new ArgumentException("Twin:Storage:ConnectionString is required when Twin:Storage:Provider is Postgres.");
        }

        if (RawObservationDays < 1 || HourlyRollupDays < RawObservationDays || LifecycleMinutes < 1 || FieldPhotoDays < 1 || AlarmSnapshotDays < 1)
        {
            throw new ArgumentException(
                "Twin:Storage: RawObservationDays must be at least 1, HourlyRollupDays at least as long, LifecycleMinutes, FieldPhotoDays and AlarmSnapshotDays at least 1.");
        }

        if (Backup.Keep < 1 || Backup.IntervalHours <= 0)
        {
            throw new ArgumentException("Twin:Storage:Backup: Keep must be at least 1 and IntervalHours above 0.");
        }
    }

    /// <summary>Encrypts reporters' names and phones at rest; the app sets one backed by ASP.NET Data Protection.</summary>
    public IContactProtector? PersonalData { get; set; }
}

/// <summary>Scheduled online backups (<c>Twin:Storage:Backup</c>).</summary>
public sealed class BackupOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Where backups go; relative to the database's folder.</summary>
    public string Directory { get; set; } = "backups";

    public double IntervalHours { get; set; } = 24;

    /// <summary>The newest this many backups are kept; older ones are deleted after each new one.</summary>
    public int Keep { get; set; } = 7;

    /// <summary>The backup folder for a database at <paramref name="databasePath"/>.</summary>
    public string DirectoryFor(string databasePath) => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(databasePath) ?? ".", Directory));

    /// <summary>A new backup's file name: sortable by time.</summary>
    public static string FileName(DateTimeOffset at) => $"cityops-twin-{at.UtcDateTime:yyyyMMdd-HHmmss}.db";
}
