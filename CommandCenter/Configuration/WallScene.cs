namespace CommandCenter.Configuration;

/// <summary>What the walls show: the whole district, the Suzhou Creek corridor, or the running emergency.</summary>
public enum WallScene
{
    /// <summary>全区: the district and its five vital-sign panels.</summary>
    District,

    /// <summary>苏河秀带: the map framed on the corridor band, with the creek's panels.</summary>
    Corridor,

    /// <summary>应急: the plan, the water, the flooded points, supplies and teams. Only the mode brings it.</summary>
    Emergency,

    /// <summary>今日要事: the day's critical alarms, cases late after 督办 and big incidents, numbered on the list. Only a presenter brings it.</summary>
    KeyEvents,

    /// <summary>昨日简报: the daily briefing's key figures as one full-screen slide. Only a presenter brings it.</summary>
    Briefing,
}

public static class WallScenes
{
    /// <summary>The scenes a rotation or a person may choose; 应急 comes with the mode and holds until stood down.</summary>
    public static IReadOnlyList<WallScene> Daily { get; } = [WallScene.District, WallScene.Corridor];

    public static string Slug(this WallScene scene) => scene switch
    {
        WallScene.District => "district",
        WallScene.Corridor => "corridor",
        WallScene.Emergency => "emergency",
        WallScene.KeyEvents => "key-events",
        WallScene.Briefing => "briefing",
        _ => throw new ArgumentOutOfRangeException(nameof(scene), scene, null),
    };

    public static bool TryParseDaily(string? slug, out WallScene scene)
    {
        foreach (var candidate in Daily)
        {
            if (string.Equals(candidate.Slug(), slug?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                scene = candidate;
                return true;
            }
        }

        scene = default;
        return false;
    }

    /// <summary>Reads <c>Twin:Wall:SceneRotation</c>: one or more daily scenes, comma-separated.</summary>
    public static bool TryParseRotation(string? text, out IReadOnlyList<WallScene> rotation)
    {
        var scenes = new List<WallScene>();
        foreach (var part in (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!TryParseDaily(part, out var scene))
            {
                rotation = [];
                return false;
            }

            scenes.Add(scene);
        }

        rotation = scenes;
        return scenes.Count > 0;
    }
}
