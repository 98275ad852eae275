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

    /// <summary>How old a reading (or a CAP message's <c>sent</c>) may be; a late reading within it is kept in the history.</summary>
    public double MaxReadingAgeDays { get; set; } = 7;

    /// <summary>How far ahead of the twin's clock a reading's time or a CAP message's <c>sent</c> may be (senders' clocks drift).</summary>
    public int MaxClockSkewSeconds { get; set; } = 300;

    /// <summary>The largest area a CAP message may cover; a bigger one is not about Putuo.</summary>
    public double MaxCapAreaKm2 { get; set; } = 500;

    /// <summary>How long after its <c>sent</c> a CAP message's <c>expires</c> may be.</summary>
    public double MaxCapValidityDays { get; set; } = 30;

    public TimeSpan MaxReadingAge => TimeSpan.FromDays(MaxReadingAgeDays);

    public TimeSpan MaxClockSkew => TimeSpan.FromSeconds(MaxClockSkewSeconds);

    /// <summary>
    /// Refuses limits that contradict each other or the store: a late reading older than the raw
    /// readings kept could not be folded into its hour's rollup correctly.
    /// </summary>
    public void Validate(int rawObservationDays)
    {
        if (!(MaxReadingAgeDays > 0) || MaxReadingAgeDays > rawObservationDays)
        {
            throw new ArgumentException(
                $"Twin:Ingestion:MaxReadingAgeDays must be above 0 and at most Twin:Storage:RawObservationDays ({rawObservationDays}); it is {MaxReadingAgeDays}.");
        }

        if (MaxClockSkewSeconds is < 0 or > 3600)
        {
            throw new ArgumentException($"Twin:Ingestion:MaxClockSkewSeconds must be 0–3600; it is {MaxClockSkewSeconds}.");
        }

        if (!(MaxCapAreaKm2 > 0) || !(MaxCapValidityDays > 0))
        {
            throw new ArgumentException("Twin:Ingestion:MaxCapAreaKm2 and MaxCapValidityDays must be above 0.");
        }
    }
}

/// <summary>One system allowed to send data: its name appears in audit trails, its key in requests.</summary>
public sealed class IngestionSource
{
    public string Name { get; set; } = "";

    public string ApiKey { get; set; } = "";

    public int RatePerMinute { get; set; } = 600;
}
