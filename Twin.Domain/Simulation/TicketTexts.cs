using System.Globalization;
using Twin.Domain.Catalogue;

namespace Twin.Domain.Simulation;

/// <summary>
/// Chinese titles and descriptions of simulated tickets, written the way citizens and grid
/// workers phrase them. Templates use the catalogue's keywords, so hot words (热词) appear as they
/// would. "{p}" is the place (武宁路123号附近, or 长风段12号岸段 on the creek).
/// </summary>
internal static class TicketTexts
{
    private static readonly Dictionary<string, (string Title, string Description)[]> ByCategory = new(StringComparer.Ordinal)
    {
        ["noise"] =
        [
            ("{p}施工噪音扰民", "市民反映{p}夜间施工噪音持续到23点以后，严重扰民，要求核查处理。"),
            ("{p}商铺音响噪声扰民", "{p}有商铺外放音响，噪声较大，扰民，请相关部门处理。"),
            ("{p}夜间噪声扰民", "{p}楼下广场舞音响夜间噪声大，扰民，影响老人休息。"),
        ],
        ["illegal-construction"] =
        [
            ("{p}屋顶违法搭建", "反映{p}有住户在屋顶搭建彩钢板房，疑似违建，存在安全隐患。"),
            ("{p}疑似违建加层", "{p}小区内有住户私自加层搭建，疑似违建，请城管核查。"),
        ],
        ["street-vending"] =
        [
            ("{p}流动摊贩占道经营", "{p}人行道上有流动摊贩设摊，占道经营，影响通行。"),
            ("{p}无序设摊", "傍晚{p}地铁站口聚集多处设摊，占道经营，请处理。"),
        ],
        ["garbage-sorting"] =
        [
            ("{p}垃圾未及时清运", "{p}垃圾箱房满溢，垃圾未及时清运，有异味。"),
            ("{p}垃圾分类不规范", "{p}楼道内堆物，垃圾分类投放不规范。"),
            ("{p}建筑垃圾堆物", "{p}路边堆放装修建筑垃圾，长期无人清运。"),
        ],
        ["group-rental"] =
        [
            ("{p}疑似群租", "反映{p}某室疑似群租，进出人员多，夜间吵闹。"),
            ("{p}房屋隔断出租", "{p}有房屋被隔断成多间出租，疑似群租，存在消防隐患。"),
        ],
        ["road-damage"] =
        [
            ("{p}路面破损", "{p}路面破损出现坑洼，雨天积水，影响车辆和行人通行。"),
            ("{p}人行道坑洼", "{p}人行道地砖破损松动，路面坑洼，易绊倒行人。"),
        ],
        ["manhole"] =
        [
            ("{p}窨井盖缺损", "{p}一处窨井盖缺损，存在安全隐患，请尽快处理。"),
            ("{p}井盖位移", "{p}机动车道上井盖位移、松动，车辆经过有异响。"),
        ],
        ["street-light"] =
        [
            ("{p}路灯不亮", "{p}路灯不亮已有数日，夜间照明不足。"),
            ("{p}多盏路灯故障", "{p}一段道路多盏路灯不亮，照明缺失，行人出行不便。"),
        ],
        ["illegal-parking"] =
        [
            ("{p}违法停车占道", "{p}有车辆长时间违法停车，占道影响通行。"),
            ("{p}非机动车乱停放", "{p}共享单车等非机动车大量堆积，占道停车。"),
        ],
        ["cooking-fumes"] =
        [
            ("{p}餐饮油烟扰民", "{p}一家餐饮店油烟直排，影响周边居民。"),
            ("{p}饭店油烟异味", "{p}餐饮油烟未经净化排放，楼上住户反映异味大。"),
        ],
        ["creek-debris"] =
        [
            ("苏州河{p}河道漂浮物", "苏州河{p}河道水面有较多漂浮物，请安排打捞。"),
            ("苏州河{p}水面垃圾", "苏州河{p}岸边水面漂浮物聚集，影响河道景观。"),
        ],
        ["riverbank-order"] =
        [
            ("苏州河{p}滨河步道违规垂钓", "苏州河{p}滨河步道有人违规垂钓，占用步道。"),
            ("苏州河{p}岸线秩序问题", "苏州河{p}滨河岸线有人乱扔垃圾、骑车进入步道，请加强管理。"),
        ],
        ["greening"] =
        [
            ("{p}树木倒伏", "{p}行道树倒伏，压住人行道，需要处理。"),
            ("{p}绿化带需修剪", "{p}绿化带杂草丛生，树木枝叶遮挡视线，请安排修剪。"),
        ],
        ["property"] =
        [
            ("{p}小区楼道漏水", "{p}小区楼道顶部漏水多日，物业未及时处理。"),
            ("{p}小区物业服务差", "居民反映{p}小区物业服务差，公共设施损坏无人维修。"),
        ],
        ["lift-fault"] =
        [
            ("{p}电梯故障", "{p}住宅楼电梯故障停运，老人上下楼不便。"),
            ("{p}电梯困人", "{p}电梯困人，请立即处置。"),
        ],
        ["secondary-water"] =
        [
            ("{p}自来水浑浊", "{p}居民反映自来水浑浊发黄，怀疑二次供水水箱问题。"),
            ("{p}二次供水水质异常", "{p}二次供水水质异常，水有异味。"),
        ],
        ["parcel-overflow"] =
        [
            ("{p}快递堆放占道", "{p}快递网点包裹堆放在人行道上，占道影响通行。"),
            ("{p}快递驿站满溢", "{p}快递驿站满溢，快递占道堆放。"),
        ],
        ["creek-water-level"] =
        [
            ("苏州河{p}水位上涨", "苏州河{p}水位上涨，接近防汛墙，请关注是否超警。"),
        ],
        ["air-quality"] =
        [
            ("{p}空气异味", "{p}空气中有刺鼻异味，怀疑有污染源，请核查空气质量。"),
        ],
        ["site-dust"] =
        [
            ("{p}工地扬尘", "{p}建筑工地未覆盖防尘网，扬尘严重。"),
            ("{p}渣土车扬尘", "{p}渣土车出入工地带泥上路，扬尘较大。"),
        ],
        ["smoke-fire"] =
        [
            ("{p}冒烟", "{p}楼内有冒烟，疑似火警，请消防前往查看。"),
            ("{p}烟感报警", "{p}居民家中烟感持续报警，疑似火警。"),
        ],
        ["thrown-object"] =
        [
            ("{p}高空抛物", "{p}有人从楼上高空抛物，坠物砸到楼下停放车辆。"),
        ],
        ["elderly-help"] =
        [
            ("{p}独居老人求助", "{p}独居老人通过一键通呼叫求助，称身体不适，请社区上门查看。"),
        ],
    };

    private static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林",
        "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "沈", "顾", "陆", "钱", "蒋", "俞", "金", "施",
    ];

    private static readonly string[] GivenNameParts =
    [
        "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "华",
        "慧", "建国", "丹", "萍", "玲", "佳", "文", "斌", "宇", "浩", "婷", "雪", "琳", "晨", "欣", "怡", "志强", "美华",
    ];

    private static readonly string[] MobilePrefixes =
    [
        "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155", "156", "157",
        "158", "159", "180", "181", "182", "183", "185", "186", "187", "188", "189",
    ];

    /// <summary>A title and description; a category added to the catalogue later gets a plain one built from its keywords.</summary>
    public static (string Title, string Description) For(EventCategory category, string place, Random rng)
    {
        if (ByCategory.TryGetValue(category.Code, out var texts))
        {
            var (title, description) = texts[rng.Next(texts.Length)];
            return (Fill(title, place), Fill(description, place));
        }

        var keywords = category.Keywords.Count > 0 ? $"（{string.Join("、", category.Keywords)}）" : string.Empty;
        return ($"{place}{category.NameZh}", $"{place}发现{category.NameZh}问题{keywords}，请处理。");
    }

    /// <summary>A made-up name: common surname plus one or two given-name characters.</summary>
    public static string PersonName(Random rng)
    {
        var given = GivenNameParts[rng.Next(GivenNameParts.Length)];
        if (given.Length == 1 && rng.NextDouble() < 0.5)
        {
            given += GivenNameParts[rng.Next(GivenNameParts.Length)][0];
        }

        return Surnames[rng.Next(Surnames.Length)] + given;
    }

    /// <summary>A made-up 11-digit mainland mobile number (13x/15x/18x).</summary>
    public static string MobileNumber(Random rng) => MobilePrefixes[rng.Next(MobilePrefixes.Length)] + rng.Next(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);

    private static string Fill(string template, string place) => template.Replace("{p}", place, StringComparison.Ordinal);
}
