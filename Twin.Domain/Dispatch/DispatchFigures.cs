namespace Twin.Domain.Dispatch;

/// <summary>
/// 评效 of one department or one 街镇 over the tickets the twin holds (open, and reported since
/// the start of yesterday). Rates are null where nothing was there to rate.
/// </summary>
/// <param name="Reports">every report, merged duplicates included</param>
/// <param name="Cases">reports that are cases of their own (not merged)</param>
/// <param name="Closed">cases closed or evaluated</param>
/// <param name="OnTimeRate">closed cases none of whose steps went overdue, over closed cases</param>
/// <param name="MeanLoopHours">闭环流转总时长: report to closure, over closed cases</param>
/// <param name="P90LoopHours">its 90th percentile (nearest rank)</param>
/// <param name="ReopenRate">cases reopened at least once, over cases ever closed</param>
/// <param name="MergeRate">merged reports over reports</param>
public sealed record EvaluationRow(
    string Key,
    string Name,
    int Reports,
    int Cases,
    int Closed,
    double? OnTimeRate,
    double? MeanLoopHours,
    double? P90LoopHours,
    double? ReopenRate,
    double? MergeRate);

/// <summary>一网评效 and the dispatch desk's standing figures.</summary>
public sealed record DispatchFigures(
    EvaluationRow Overall,
    IReadOnlyList<EvaluationRow> ByDepartment,
    IReadOnlyList<EvaluationRow> BySubDistrict,
    int Supervised,
    int Overdue,
    int DuplicateCandidates);
