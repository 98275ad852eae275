namespace CommandCenter.Ingestion.Common;

/// <summary>
/// The <c>Twin:Ingestion</c> section. The shipped appsettings.json lists no sources, so every
/// ingestion endpoint answers 401 until a deployment configures keys (never commit real ones).
/// </summary>
public sealed class IngestionOptions
{
    public const string Section = "Twin:Ingestion";

    public List<IngestionSource> Sources { get; set; } = [];

    /// <summary>Requests a minute per client address on the read (GET) endpoints, which need no key.</summary>
    public int ReadRatePerMinute { get; set; } = 600;

    /// <summary>Largest body of a single item (one ticket, one observation, one CAP message).</summary>
    public int MaxSingleBytes { get; set; } = 64 * 1024;

    /// <summary>Largest body of a batch (SensorThings CreateObservations).</summary>
    public int MaxBatchBytes { get; set; } = 2 * 1024 * 1024;
}

/// <summary>One system allowed to send data: its name appears in audit trails, its key in requests.</summary>
public sealed class IngestionSource
{
    public string Name { get; set; } = "";

    public string ApiKey { get; set; } = "";

    public int RatePerMinute { get; set; } = 600;
}
