using Twin.Domain.Tickets;
using Twin.Domain.Vocabulary;

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

        foreach (var source in Sources)
        {
            if (source.Scopes.FirstOrDefault(s => !IngestScopes.All.Contains(s, StringComparer.Ordinal)) is { } unknown)
            {
                throw new ArgumentException(
                    $"Twin:Ingestion source '{source.Name}': scope '{unknown}' is not one of {string.Join(", ", IngestScopes.All)}.");
            }

            if (source.TicketChannel(out var problem) is null)
            {
                throw new ArgumentException(problem);
            }
        }
    }
}

/// <summary>One system allowed to send data: its name appears in audit trails, its key in requests.</summary>
public sealed class IngestionSource
{
    public string Name { get; set; } = "";

    public string ApiKey { get; set; } = "";

    public int RatePerMinute { get; set; } = 600;

    /// <summary>The APIs this source may use (<see cref="IngestScopes"/>); none unless listed.</summary>
    public List<string> Scopes { get; set; } = [];

    /// <summary>
    /// The channel its Open311 requests are filed under: a <see cref="TicketChannel"/> name
    /// (<c>Hotline12345</c>) or its Chinese or English name (<c>12345热线</c>); 随申拍 when unset.
    /// </summary>
    public string? Channel { get; set; }

    public bool May(string scope) => Scopes.Contains(scope, StringComparer.Ordinal);

    /// <summary>How this source appears as the actor in the audit log and in the twin's records.</summary>
    public string Actor => "ingest:" + Name;

    /// <summary>The channel, or null (with the reason) when the name is not one of the vocabulary's.</summary>
    public TicketChannel? TicketChannel(out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(Channel))
        {
            return Twin.Domain.Tickets.TicketChannel.CitizenApp;
        }

        foreach (var channel in Enum.GetValues<TicketChannel>())
        {
            var names = Names.Of(channel);
            if (string.Equals(Channel, channel.ToString(), StringComparison.OrdinalIgnoreCase) || Channel == names.Zh ||
                string.Equals(Channel, names.En, StringComparison.OrdinalIgnoreCase))
            {
                return channel;
            }
        }

        problem = $"Twin:Ingestion source '{Name}': channel '{Channel}' is not one of {string.Join(", ", Enum.GetValues<TicketChannel>())}.";
        return null;
    }
}

/// <summary>The APIs a source's key can be allowed: anything not listed for it is 403.</summary>
public static class IngestScopes
{
    public const string Open311 = "open311";
    public const string StaRead = "sta-read";
    public const string StaWrite = "sta-write";
    public const string Cap = "cap";
    public const string Drones = "drones";
    public const string AiVideo = "ai-video";

    public static IReadOnlyList<string> All { get; } = [Open311, StaRead, StaWrite, Cap, Drones, AiVideo];
}
