namespace Twin.Domain.Briefing;

/// <summary>
/// A briefing: 今日城市体征 of a day, 评效 of a period and 需要决策的事项 at the moment it was
/// made (<see cref="At"/>). Ids and codes only: screens and exports name them in their language.
/// </summary>
public sealed record BriefingFigures(DateTimeOffset At, DayVitals Vitals, PeriodEvaluation Evaluation, DecisionItems Decisions);
