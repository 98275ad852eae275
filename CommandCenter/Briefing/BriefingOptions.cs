using System.Globalization;

namespace CommandCenter.Briefing;

/// <summary><c>Twin:Briefing</c>: the PDF's font and the daily briefing's hour.</summary>
public sealed class BriefingOptions
{
    public const string Section = "Twin:Briefing";

    /// <summary>A font with Chinese glyphs, embedded in every PDF (Debian's fonts-noto-cjk).</summary>
    public string FontFile { get; set; } = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

    /// <summary>The face in a collection (.ttc): 2 is Simplified Chinese in Noto Sans CJK.</summary>
    public int FontIndex { get; set; } = 2;

    /// <summary>When (Asia/Shanghai, the twin's clock) the day before's briefing is made and kept.</summary>
    public string DailyAt { get; set; } = "08:00";

    public TimeOnly DailyTime => TimeOnly.ParseExact(DailyAt, "HH:mm", CultureInfo.InvariantCulture);

    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(FontFile))
        {
            yield return $"{Section}:FontFile must name a font file.";
        }

        if (FontIndex is < 0 or > 63)
        {
            yield return $"{Section}:FontIndex must lie in 0–63.";
        }

        if (!TimeOnly.TryParseExact(DailyAt, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            yield return $"{Section}:DailyAt must be a time of day as HH:mm (Asia/Shanghai), e.g. 08:00.";
        }
    }
}
