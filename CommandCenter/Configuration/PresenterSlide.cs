namespace CommandCenter.Configuration;

/// <summary>
/// One slide of a presentation (领导来访汇报): a scene, the map framed on one 街镇 (its code, outlined)
/// or the whole scene, a ticket or alarm (its id) the map zooms to, and one panel highlighted or
/// none. Written <c>scene[@街镇code][!id][#panel]</c>, e.g. <c>district#alerts</c>,
/// <c>district@310107005000</c>, <c>key-events!T-20261205-0042</c>, <c>corridor#water-quality</c>.
/// </summary>
public sealed record PresenterSlide(WallScene Scene, string? SubDistrict = null, string? Highlight = null, string? Target = null)
{
    /// <summary>The panels each scene shows (their keys, as the wall's <c>data-panel</c>), left column first.</summary>
    public static IReadOnlyDictionary<WallScene, string[]> Panels { get; } = new Dictionary<WallScene, string[]>
    {
        [WallScene.District] = ["look", "pulse", "perception", "alerts", "voice"],
        [WallScene.Corridor] = ["creek-levels", "water-quality", "creek-drones", "corridor-tickets", "corridor-alarms"],
        [WallScene.Emergency] = ["plan", "rain-water", "waterlogging", "supplies-teams", "emergency-tickets"],
        [WallScene.KeyEvents] = ["key-alarms", "key-overdue", "key-incidents"],
        [WallScene.Briefing] = [],
    };

    /// <summary>The scenes whose map may be zoomed to a ticket or alarm (the others frame a band, or have no map).</summary>
    public static bool MayTarget(WallScene scene) => scene is WallScene.District or WallScene.KeyEvents;

    /// <summary>Reads one slide; <paramref name="isSubDistrict"/> says whether a code names a 街镇 of the district.</summary>
    public static bool TryParse(string? text, Func<string, bool> isSubDistrict, out PresenterSlide slide)
    {
        slide = new PresenterSlide(WallScene.District);
        var rest = (text ?? string.Empty).Trim();
        string? highlight = null;
        string? subDistrict = null;
        string? target = null;
        if (rest.IndexOf('#') is var hash and >= 0)
        {
            highlight = rest[(hash + 1)..].Trim();
            rest = rest[..hash];
        }

        if (rest.IndexOf('!') is var bang and >= 0)
        {
            target = rest[(bang + 1)..].Trim();
            rest = rest[..bang];
        }

        if (rest.IndexOf('@') is var at and >= 0)
        {
            subDistrict = rest[(at + 1)..].Trim();
            rest = rest[..at];
        }

        var scene = Enum.GetValues<WallScene>().Where(s => s.Slug() == rest.Trim().ToLowerInvariant()).Cast<WallScene?>().FirstOrDefault();
        var candidate = scene is { } s ? new PresenterSlide(s, subDistrict, highlight, target) : null;
        if (candidate is null || (subDistrict is not null && (candidate.Scene != WallScene.District || !isSubDistrict(subDistrict)))
            || (highlight is not null && !candidate.Shows(highlight))
            || (target is not null && (target.Length == 0 || !MayTarget(candidate.Scene))))
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
        Scene.Slug() + (SubDistrict is null ? string.Empty : "@" + SubDistrict) + (Target is null ? string.Empty : "!" + Target)
        + (Highlight is null ? string.Empty : "#" + Highlight);
}
