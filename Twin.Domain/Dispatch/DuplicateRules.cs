namespace Twin.Domain.Dispatch;

/// <summary>
/// When two reports are one problem. Gates first (all must hold): same or related category, within
/// <see cref="RadiusMetres"/>, within <see cref="Window"/>, text similarity at least
/// <see cref="MinSimilarity"/>. Then a score in [0, 1]:
/// <c>TextWeight·similarity + DistanceWeight·(1 − d/R) + TimeWeight·(1 − Δt/W)</c>.
/// At or above <see cref="MergeScore"/> (same category only) the report joins the case; at or
/// above <see cref="CandidateScore"/>, or any passing pair of related categories, it is offered.
/// The officer can merge an offered report by hand, and split any merge.
/// </summary>
public sealed record DuplicateRules
{
    /// <summary>12345 places a report by geocoding the caller's address (often the building or the
    /// road section, 100–200 m off); 随申拍 and patrols send GPS. 300 m covers both.</summary>
    public double RadiusMetres { get; init; } = 300;

    /// <summary>Citizens keep calling about an unsolved problem for about a day; later calls are new cases or complaints.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Below this share of shared character pairs the texts talk about different things (噪声 vs 油烟).</summary>
    public double MinSimilarity { get; init; } = 0.2;

    /// <summary>The text weighs most: two reports side by side about different things are two cases.</summary>
    public double TextWeight { get; init; } = 0.5;

    public double DistanceWeight { get; init; } = 0.3;

    public double TimeWeight { get; init; } = 0.2;

    /// <summary>
    /// e.g. half the character pairs shared, 50 m and 10 min apart scores 0.25 + 0.25 + 0.2 = 0.70:
    /// merged. The same text 280 m and 20 h apart scores about 0.5 + 0.02 + 0.03: only offered.
    /// </summary>
    public double MergeScore { get; init; } = 0.65;

    public double CandidateScore { get; init; } = 0.45;

    /// <summary>
    /// Off, reports are never compared. Only for inputs that repeat one text at one place on
    /// purpose (engine tests about other things); a real desk always compares.
    /// </summary>
    public bool Enabled { get; init; } = true;

    public static DuplicateRules Off { get; } = new() { Enabled = false };
}
