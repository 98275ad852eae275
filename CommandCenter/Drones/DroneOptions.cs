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
    public string[] FontFiles { get; set; } =
    [
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    ];
}
