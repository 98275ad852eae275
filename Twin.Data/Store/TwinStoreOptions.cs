namespace Twin.Data.Store;

public sealed class TwinStoreOptions
{
    /// <summary>The database file; its directory is created when missing.</summary>
    public string DatabasePath { get; set; } = Path.Combine("data", "twin.db");

    /// <summary>How long a command waits for a lock held by another connection before it fails.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Encrypts reporters' names and phones at rest; the app sets one backed by ASP.NET Data Protection.</summary>
    public IContactProtector? PersonalData { get; set; }
}
