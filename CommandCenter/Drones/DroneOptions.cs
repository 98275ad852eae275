namespace CommandCenter.Drones;

/// <summary>The <c>Twin:Drones</c> section: patrol routes and the rendered feeds.</summary>
public sealed class DroneOptions
{
    public const string Section = "Twin:Drones";

    /// <summary>
    /// Where an uploaded route file is kept (relative to the content root); it wins over the
    /// repository's routes. Empty: next to the database, so each twin keeps its own.
    /// </summary>
    public string RoutesFile { get; set; } = "";

    public int FeedWidth { get; set; } = 640;

    public int FeedHeight { get; set; } = 360;

    /// <summary>Frames a second of a rendered feed, only while somebody watches it.</summary>
    public double FeedFramesPerSecond { get; set; } = 4;

    public int JpegQuality { get; set; } = 72;

    /// <summary>Ground shown from the frame's centre to its left and right edge.</summary>
    public double FeedHalfWidthMetres { get; set; } = 450;

    /// <summary>Font files tried in order for the feed's overlay; the first CJK one gives Chinese labels.</summary>
    /// <summary>What cannot work, by configuration key; checked at start-up.</summary>
    public IEnumerable<string> Problems()
    {
        if (FeedWidth is < 64 or > 3840 || FeedHeight is < 36 or > 2160)
        {
            yield return $"{Section}:FeedWidth and FeedHeight must lie in 64–3840 and 36–2160.";
        }

        if (!double.IsFinite(FeedFramesPerSecond) || FeedFramesPerSecond is <= 0 or > 30)
        {
            yield return $"{Section}:FeedFramesPerSecond must lie in (0, 30].";
        }

        if (JpegQuality is < 1 or > 100)
        {
            yield return $"{Section}:JpegQuality must lie in 1–100.";
        }

        if (!double.IsFinite(FeedHalfWidthMetres) || FeedHalfWidthMetres is <= 0 or > 10_000)
        {
            yield return $"{Section}:FeedHalfWidthMetres must lie in (0, 10000].";
        }
    }

    public string[] FontFiles { get; set; } =
    [
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    ];
}
