namespace CommandCenter.Configuration;

/// <summary>
/// One slide of a presentation (领导来访汇报): a scene, the map framed on one 街镇 (its code) or the
/// whole scene, and one panel highlighted or none. Written <c>scene[@街镇code][#panel]</c>, e.g.
/// <c>district#alerts</c>, <c>district@310107005000</c>, <c>corridor#water-quality</c>.
/// </summary>
public sealed record PresenterSlide(WallScene Scene, string? SubDistrict = null, string? Highlight = null)
{
    /// <summary>The panels each scene shows (their keys, as the wall's <c>data-panel</c>), left column first.</summary>
    public static IReadOnlyDictionary<WallScene, string[]> Panels { get; } = new Dictionary<WallScene, string[]>
    {
        [WallScene.District] = ["look", "pulse", "perception", "alerts", "voice"],
        [WallScene.Corridor] = ["creek-levels", "water-quality", "creek-drones", "corridor-tickets", "corridor-alarms"],
        [WallScene.Emergency] = ["plan", "rain-water", "waterlogging", "supplies-teams", "emergency-tickets"],
    };

    /// <summary>Reads one slide; <paramref name="isSubDistrict"/> says whether a code names a 街镇 of the district.</summary>
    public static bool TryParse(string? text, Func<string, bool> isSubDistrict, out PresenterSlide slide)
    {
        slide = new PresenterSlide(WallScene.District);
        var rest = (text ?? string.Empty).Trim();
        string? highlight = null;
        string? subDistrict = null;
        if (rest.IndexOf('#') is var hash and >= 0)
        {
            highlight = rest[(hash + 1)..].Trim();
            rest = rest[..hash];
        }

        if (rest.IndexOf('@') is var at and >= 0)
        {
            subDistrict = rest[(at + 1)..].Trim();
            rest = rest[..at];
        }

        var scene = Enum.GetValues<WallScene>().Where(s => s.Slug() == rest.Trim().ToLowerInvariant()).Cast<WallScene?>().FirstOrDefault();
        var candidate = scene is { } s ? new PresenterSlide(s, subDistrict, highlight) : null;
        if (candidate is null || (subDistrict is not null && (candidate.Scene != WallScene.District || !isSubDistrict(subDistrict)))
            || (highlight is not null && !candidate.Shows(highlight)))
        {
            return false;
        }

        slide = candidate;
        return true;
    }

    /// <summary>Reads a prepared sequence: slides separated by commas, at least one.</summary>
    public static bool TryParseSequence(string? text, Func<string, bool> isSubDistrict, out IReadOnlyList<PresenterSlide> sequence)
    {
        var slides = new List<PresenterSlide>();
        foreach (var part in (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!TryParse(part, isSubDistrict, out var slide))
            {
                sequence = [];
                return false;
            }

            slides.Add(slide);
        }

        sequence = slides;
        return slides.Count > 0;
    }

    /// <summary>Whether this slide's scene has the panel <paramref name="key"/>.</summary>
    public bool Shows(string key) => Panels[Scene].Contains(key, StringComparer.Ordinal);

    public override string ToString() =>
        Scene.Slug() + (SubDistrict is null ? string.Empty : "@" + SubDistrict) + (Highlight is null ? string.Empty : "#" + Highlight);
}
