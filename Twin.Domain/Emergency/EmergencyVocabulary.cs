namespace Twin.Domain.Emergency;

/// <summary>The kinds of emergency a plan (预案) exists for.</summary>
public enum EmergencyType
{
    /// <summary>防汛防台: rainstorm, typhoon, high creek levels.</summary>
    FloodTyphoon,

    /// <summary>重大火灾/事故: a major fire or accident.</summary>
    MajorFireAccident,
}

/// <summary>
/// Shanghai's response levels, IV the lowest (蓝) and I the highest (红). The numeric value is the
/// level's number, so a smaller value is a more severe level.
/// </summary>
public enum ResponseLevel
{
    I = 1,
    II = 2,
    III = 3,
    IV = 4,
}

/// <summary>The roles that act on the mode; the host maps its account roles onto these.</summary>
public enum OfficerRole
{
    Officer,
    Supervisor,
    Leader,
}

/// <summary>How the mode changed.</summary>
public enum ModeChangeKind
{
    Started,
    Raised,
    Lowered,
    Ended,
}

/// <summary>The zh/en names, slugs and colours of the emergency vocabulary, in one place.</summary>
public static class EmergencyVocabulary
{
    public static string Slug(this EmergencyType type) => type switch
    {
        EmergencyType.FloodTyphoon => "flood-typhoon",
        EmergencyType.MajorFireAccident => "major-fire-accident",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static bool TryParseType(string? slug, out EmergencyType type)
    {
        foreach (var candidate in Enum.GetValues<EmergencyType>())
        {
            if (string.Equals(candidate.Slug(), slug, StringComparison.Ordinal))
            {
                type = candidate;
                return true;
            }
        }

        type = default;
        return false;
    }

    public static string NameZh(this EmergencyType type) => type switch
    {
        EmergencyType.FloodTyphoon => "防汛防台",
        EmergencyType.MajorFireAccident => "重大火灾/事故",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static string NameEn(this EmergencyType type) => type switch
    {
        EmergencyType.FloodTyphoon => "Flood and typhoon",
        EmergencyType.MajorFireAccident => "Major fire or accident",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>"IV", "III", "II", "I" — as written in plans and on the wall.</summary>
    public static string Numeral(this ResponseLevel level) => Enum.IsDefined(level)
        ? level.ToString()
        : throw new ArgumentOutOfRangeException(nameof(level), level, null);

    public static bool TryParseLevel(string? numeral, out ResponseLevel level)
    {
        foreach (var candidate in Enum.GetValues<ResponseLevel>())
        {
            if (string.Equals(candidate.Numeral(), numeral, StringComparison.Ordinal))
            {
                level = candidate;
                return true;
            }
        }

        level = default;
        return false;
    }

    public static string NameZh(this ResponseLevel level) => level switch
    {
        ResponseLevel.IV => "IV级（蓝色）",
        ResponseLevel.III => "III级（黄色）",
        ResponseLevel.II => "II级（橙色）",
        ResponseLevel.I => "I级（红色）",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    public static string NameEn(this ResponseLevel level) => level switch
    {
        ResponseLevel.IV => "Level IV (blue)",
        ResponseLevel.III => "Level III (yellow)",
        ResponseLevel.II => "Level II (orange)",
        ResponseLevel.I => "Level I (red)",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    /// <summary>The level's colour as a CSS-friendly key: blue, yellow, orange, red.</summary>
    public static string ColourKey(this ResponseLevel level) => level switch
    {
        ResponseLevel.IV => "blue",
        ResponseLevel.III => "yellow",
        ResponseLevel.II => "orange",
        ResponseLevel.I => "red",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    /// <summary>True when <paramref name="level"/> is more severe than <paramref name="than"/> (II is higher than III).</summary>
    public static bool IsHigherThan(this ResponseLevel level, ResponseLevel than) => (int)level < (int)than;

    public static string NameZh(this ModeChangeKind kind) => kind switch
    {
        ModeChangeKind.Started => "启动应急响应",
        ModeChangeKind.Raised => "提升响应级别",
        ModeChangeKind.Lowered => "降低响应级别",
        ModeChangeKind.Ended => "终止应急响应",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string NameEn(this ModeChangeKind kind) => kind switch
    {
        ModeChangeKind.Started => "Emergency response started",
        ModeChangeKind.Raised => "Response level raised",
        ModeChangeKind.Lowered => "Response level lowered",
        ModeChangeKind.Ended => "Emergency response ended",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string NameZh(this OfficerRole role) => role switch
    {
        OfficerRole.Officer => "值班员",
        OfficerRole.Supervisor => "督办员",
        OfficerRole.Leader => "领导",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static string NameEn(this OfficerRole role) => role switch
    {
        OfficerRole.Officer => "Officer",
        OfficerRole.Supervisor => "Supervisor",
        OfficerRole.Leader => "Leader",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>Only a supervisor or a leader starts, raises, lowers or ends an emergency, or decides a proposal.</summary>
    public static bool MayChangeMode(this OfficerRole role) => role is OfficerRole.Supervisor or OfficerRole.Leader;
}
