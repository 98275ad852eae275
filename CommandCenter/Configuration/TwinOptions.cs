namespace CommandCenter.Configuration;

/// <summary>The <c>Twin</c> section of appsettings.json.</summary>
public sealed class TwinOptions
{
    public const string Section = "Twin";

    /// <summary>Folder of the district's GeoJSON; a relative path resolves against the app's base directory, where the build copies wwwroot-assets/geo.</summary>
    public string GeoDirectory { get; set; } = "geo";

    /// <summary>Width of the 苏河秀带 corridor on each side of the creek.</summary>
    public double CorridorHalfWidthMetres { get; set; } = 500;

    public MapOptions Map { get; set; } = new();

    public WallOptions Wall { get; set; } = new();
}

public sealed class MapOptions
{
    /// <summary>An XYZ raster tile URL for deployments with a tile server; none is reachable by default.</summary>
    public string? TileUrl { get; set; }

    public string? TileAttribution { get; set; }

    /// <summary>
    /// Least time between two deltas; changes committed in between travel together. Shorter is
    /// fresher; longer sends fewer, bigger deltas (a sensor reporting twice in the window is sent
    /// once). A change after a quiet window is sent at once.
    /// </summary>
    public int CoalesceMilliseconds { get; set; } = 50;

    /// <summary>
    /// Messages a screen may fall behind before the hub drops them and sends it a snapshot instead
    /// (at the default window, about 1.5 s of deltas).
    /// </summary>
    public int SubscriberQueueLength { get; set; } = 32;
}

public sealed class WallOptions
{
    /// <summary>Panels show themselves stale when no update has arrived for this long.</summary>
    public int StaleAfterSeconds { get; set; } = 15;

    /// <summary>At most this many renders a second of the panels.</summary>
    public int MaxRendersPerSecond { get; set; } = 4;
}
