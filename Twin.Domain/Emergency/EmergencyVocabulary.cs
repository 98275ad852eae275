using Twin.Domain.Vocabulary;

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

/// <summary>Slugs, numerals and colour keys of the emergency vocabulary; the zh/en names live in <see cref="Names"/>.</summary>
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

    public static string NameZh(this EmergencyType type) => Names.Of(type).Zh;

    public static string NameEn(this EmergencyType type) => Names.Of(type).En;

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

    public static string NameZh(this ResponseLevel level) => Names.Of(level).Zh;

    public static string NameEn(this ResponseLevel level) => Names.Of(level).En;

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

    public static string NameZh(this ModeChangeKind kind) => Names.Of(kind).Zh;

    public static string NameEn(this ModeChangeKind kind) => Names.Of(kind).En;

    public static string NameZh(this OfficerRole role) => Names.Of(role).Zh;

    public static string NameEn(this OfficerRole role) => Names.Of(role).En;

    /// <summary>Only a supervisor or a leader starts, raises, lowers or ends an emergency, or decides a proposal.</summary>
    public static bool MayChangeMode(this OfficerRole role) => role is OfficerRole.Supervisor or OfficerRole.Leader;
}
