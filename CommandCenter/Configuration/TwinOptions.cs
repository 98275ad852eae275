namespace CommandCenter.Configuration;

/// <summary>The <c>Twin</c> section of appsettings.json.</summary>
public sealed class TwinOptions
{
    public const string Section = "Twin";

    /// <summary>Folder of the district's GeoJSON; a relative path resolves against the app's base directory, where the build copies wwwroot-assets/geo.</summary>
    public string GeoDirectory { get; set; } = "geo";

    /// <summary>Width of the 苏河秀带 corridor on each side of the creek.</summary>
    public double CorridorHalfWidthMetres { get; set; } = 500;

    /// <summary>How long after closing a ticket takes 满意 / 不满意 (评价); afterwards the engine refuses it and the console offers none.</summary>
    public double EvaluationWindowHours { get; set; } = Twin.Domain.Dispatch.EvaluationWindow.Default.Length.TotalHours;

    public MapOptions Map { get; set; } = new();

    public WallOptions Wall { get; set; } = new();

    /// <summary>What cannot work, by configuration key; checked at start-up.</summary>
    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(GeoDirectory))
        {
            yield return "Twin:GeoDirectory must name the folder of the district's GeoJSON.";
        }

        if (!double.IsFinite(CorridorHalfWidthMetres) || CorridorHalfWidthMetres is <= 0 or > 5000)
        {
            yield return "Twin:CorridorHalfWidthMetres must lie in (0, 5000].";
        }

        if (!double.IsFinite(EvaluationWindowHours) || EvaluationWindowHours is < 1 or > 720)
        {
            yield return "Twin:EvaluationWindowHours must lie in 1–720 (30 days).";
        }

        if (Map.CoalesceMilliseconds is < 1 or > 10_000)
        {
            yield return "Twin:Map:CoalesceMilliseconds must lie in 1–10000.";
        }

        if (Map.SubscriberQueueLength is < 1 or > 10_000)
        {
            yield return "Twin:Map:SubscriberQueueLength must lie in 1–10000.";
        }

        if (Map.TileUrl is { Length: > 0 } url && !(Uri.TryCreate(url.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            yield return $"Twin:Map:TileUrl must be an absolute http(s) URL with {{z}}/{{x}}/{{y}}, not '{url}'.";
        }

        if (Wall.StaleAfterSeconds is < 1 or > 3600)
        {
            yield return "Twin:Wall:StaleAfterSeconds must lie in 1–3600.";
        }

        if (Wall.MaxRendersPerSecond is < 1 or > 60)
        {
            yield return "Twin:Wall:MaxRendersPerSecond must lie in 1–60.";
        }

        if (!WallScenes.TryParseRotation(Wall.SceneRotation, out _))
        {
            yield return $"Twin:Wall:SceneRotation must list daily scenes ({string.Join(", ", WallScenes.Daily.Select(WallScenes.Slug))}) separated by commas, not '{Wall.SceneRotation}'.";
        }

        if (Wall.SceneSeconds is < 10 or > 86400)
        {
            yield return "Twin:Wall:SceneSeconds must lie in 10–86400.";
        }

        if (!PresenterSlide.TryParseSequence(Wall.PresenterSequence, WallOptions.IsSubDistrictCode, out _))
        {
            yield return "Twin:Wall:PresenterSequence must list slides scene[@街镇 code][!id][#panel] separated by commas " +
                $"(scenes {string.Join(", ", Enum.GetValues<WallScene>().Select(WallScenes.Slug))}; a 街镇 only on district; an id only on district or key-events; a panel of that scene), not '{Wall.PresenterSequence}'.";
        }

        if (Wall.PresenterIdleMinutes is < 1 or > 240)
        {
            yield return "Twin:Wall:PresenterIdleMinutes must lie in 1–240.";
        }
    }
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

    /// <summary>The daily scenes the walls show in turn (district, corridor), comma-separated; one scene holds still.</summary>
    public string SceneRotation { get; set; } = "district";

    /// <summary>How long each daily scene of the rotation stays up.</summary>
    public int SceneSeconds { get; set; } = 120;

    /// <summary>
    /// The presenter's prepared sequence (领导来访汇报), stepped through with the arrows or a clicker:
    /// slides <c>scene[@街镇 code][!ticket or alarm id][#panel]</c>, comma-separated.
    /// </summary>
    public string PresenterSequence { get; set; } =
        "district, district#look, district#pulse, district#alerts, district#voice, corridor, corridor#creek-levels, corridor#water-quality, district@310107014000, key-events, briefing";

    /// <summary>After this long without a presenter's action the walls return to their rotation.</summary>
    public int PresenterIdleMinutes { get; set; } = 10;

    /// <summary>A 街镇's code as the statistics bureau writes it (NBS 2023): Putuo's 310107 and six digits.</summary>
    public static bool IsSubDistrictCode(string code) => code.Length == 12 && code.StartsWith("310107", StringComparison.Ordinal) && code.All(char.IsAsciiDigit);
}
