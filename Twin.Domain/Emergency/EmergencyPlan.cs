using Twin.Domain.Sensors;

namespace Twin.Domain.Emergency;

/// <summary>A plan (预案) for one type of emergency: what each response level asks for, and what may propose it.</summary>
public sealed record EmergencyPlan(
    EmergencyType Type,
    string NameZh,
    string NameEn,
    IReadOnlyDictionary<ResponseLevel, PlanLevel> Levels,
    PlanTriggers Triggers)
{
    public PlanLevel For(ResponseLevel level) => Levels[level];
}

/// <summary>What one response level of a plan asks for.</summary>
public sealed record PlanLevel(
    ResponseLevel Level,
    IReadOnlyList<PlanStep> Checklist,
    IReadOnlyList<ThresholdOverride> Thresholds,
    IReadOnlyList<DispatchRule> Dispatch,
    IReadOnlyList<string> Layers,
    IReadOnlyList<string> Panels);

/// <summary>One checklist step: who does it and within how long of entering the level.</summary>
public sealed record PlanStep(string Id, string TitleZh, string TitleEn, string Department, TimeSpan TimeLimit);

/// <summary>Tighter levels for one sensor kind while the level holds; the hysteresis and direction stay the sensor's own.</summary>
public sealed record ThresholdOverride(SensorKind Kind, double Warning, double Alarm)
{
    public Thresholds Apply(Thresholds own) => own with { Warning = Warning, Alarm = Alarm };
}

/// <summary>
/// A category's step time limits multiplied by <see cref="SlaFactor"/> (below 1: shorter) while the
/// level holds; automatic 督办 follows the shorter limit, so it comes sooner too.
/// </summary>
public sealed record DispatchRule(string CategoryCode, double SlaFactor);

/// <summary>
/// What may propose the plan: a CAP alert whose event names one of <see cref="CapKeywords"/> (the
/// warning's colour gives the level: 蓝 IV, 黄 III, 橙 II, 红 I), or a sensor of one of
/// <see cref="SensorKinds"/> entering alarm (proposes <see cref="SensorLevel"/>).
/// </summary>
public sealed record PlanTriggers(IReadOnlyList<string> CapKeywords, IReadOnlyList<SensorKind> SensorKinds, ResponseLevel SensorLevel)
{
    public bool MatchesCap(string capKind) =>
        CapKeywords.Any(k => capKind.Contains(k, StringComparison.OrdinalIgnoreCase));

    /// <summary>The level a CAP warning's colour word stands for; IV when it names no colour.</summary>
    public static ResponseLevel LevelOfCapWarning(string text) =>
        text.Contains('红') || text.Contains("red", StringComparison.OrdinalIgnoreCase) ? ResponseLevel.I
        : text.Contains('橙') || text.Contains("orange", StringComparison.OrdinalIgnoreCase) ? ResponseLevel.II
        : text.Contains('黄') || text.Contains("yellow", StringComparison.OrdinalIgnoreCase) ? ResponseLevel.III
        : ResponseLevel.IV;
}
