namespace Twin.Domain.Simulation;

/// <summary>What the simulation assumes about one 街镇: how many people live there and a few of its roads.</summary>
/// <param name="EstimatedResidents">
/// Resident population, an estimate rounded from district figures (2020 census order of
/// magnitude, ~1.24 million in all); used only as relative weights for devices and tickets.
/// </param>
/// <param name="Roads">Real road names, used as address text only: the twin has no road geometry.</param>
public sealed record SubDistrictProfile(string Code, string Name, int EstimatedResidents, IReadOnlyList<string> Roads);

public static class SubDistrictProfiles
{
    /// <summary>
    /// Estimates, not official statistics: 长征镇 and 真如镇街道 are the largest; 长寿路街道 is small
    /// and dense; 桃浦镇 is the largest by area but, with its industrial land, sparsely populated.
    /// </summary>
    public static IReadOnlyList<SubDistrictProfile> All { get; } =
    [
        new("310107005000", "曹杨新村街道", 90_000, ["曹杨路", "兰溪路", "枣阳路", "花溪路", "杏山路", "梅岭北路"]),
        new("310107014000", "长风新村街道", 130_000, ["金沙江路", "大渡河路", "云岭东路", "枣阳路", "中山北路", "光复西路"]),
        new("310107015000", "长寿路街道", 140_000, ["长寿路", "武宁路", "西康路", "常德路", "普雄路", "澳门路"]),
        new("310107016000", "甘泉路街道", 100_000, ["甘泉路", "志丹路", "黄陵路", "延长西路", "子长路"]),
        new("310107017000", "石泉路街道", 100_000, ["石泉路", "中山北路", "岚皋路", "管弄路", "洛川东路"]),
        new("310107020000", "宜川路街道", 110_000, ["宜川路", "中潭路", "陕西北路", "沪太路", "西乡路"]),
        new("310107021000", "万里街道", 100_000, ["真华路", "新村路", "大华路", "白丽路", "万镇路"]),
        new("310107022000", "真如镇街道", 160_000, ["真北路", "铜川路", "真光路", "中宁路", "曹杨路"]),
        new("310107102000", "长征镇", 175_000, ["金沙江路", "梅川路", "真北路", "怒江北路", "同普路", "云岭西路"]),
        new("310107103000", "桃浦镇", 140_000, ["桃浦路", "真南路", "武威路", "祁连山路", "古浪路", "曹安公路"]),
    ];

    public static SubDistrictProfile For(string subDistrictCode) =>
        All.FirstOrDefault(p => p.Code == subDistrictCode)
        ?? throw new InvalidOperationException($"The simulation has no population estimate for 街镇 {subDistrictCode}; add it to {nameof(SubDistrictProfiles)}.");

    /// <summary>长风新村街道 → 长风, 真如镇街道 → 真如, 长寿路街道 → 长寿路: how stretches of the creek are named.</summary>
    public static string ShortName(string subDistrictName)
    {
        var name = subDistrictName.EndsWith("街道", StringComparison.Ordinal) ? subDistrictName[..^2] : subDistrictName;
        foreach (var suffix in new[] { "新村", "镇" })
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length + 1)
            {
                return name[..^suffix.Length];
            }
        }

        return name;
    }
}
