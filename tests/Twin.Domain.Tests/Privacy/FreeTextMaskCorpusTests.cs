using Twin.Domain.Privacy;

namespace Twin.Domain.Tests.Privacy;

/// <summary>
/// Hotline-style complaint texts as citizens write them: whatever personal data they carry is
/// masked, and everything else — house numbers, dates, amounts, 12345, 110 — reads as written.
/// </summary>
public class FreeTextMaskCorpusTests
{
    /// <summary>Text, the personal data that must not survive, and what the masked text must still say.</summary>
    public static TheoryData<string, string[], string[]> WithPersonalData => new()
    {
        { "我是王五 电话13700001111 楼下饭店油烟太大", ["王五", "13700001111"], ["王*", "137****1111", "楼下饭店油烟太大"] },
        { "我叫张小明，手机号138-1234-5678，长寿路123号附近夜间施工噪声扰民", ["张小明", "138-1234-5678", "12345678"], ["张**", "138****5678", "长寿路123号"] },
        { "联系人：李四，电话021-62345678，金沙江路1518弄小区门口路面积水", ["李四", "62345678"], ["李*", "金沙江路1518弄", "021-"] },
        { "本人刘德华，身份证310107198803151234，反映曹杨新村群租问题", ["刘德华", "310107198803151234"], ["刘**", "群租"] },
        { "车牌沪A·12345的车辆长期占道停车，在武宁路200号", ["沪A·12345", "12345"], ["沪A·", "武宁路200号", "占道停车"] },
        { "新能源车沪AD12345堵住消防通道，请尽快处理", ["沪AD12345", "D12345"], ["沪A", "消防通道"] },
        { "沪A12345D停在人行道上，已经三天", ["沪A12345D"], ["人行道"] },
        { "我是陈女士，家住真如镇，电话 139 1234 5678，楼上漏水", ["陈女士", "139 1234 5678"], ["陈**", "真如镇", "楼上漏水"] },
        { "联系人赵六电话62345678，宜川路菜场门口垃圾堆放", ["赵六", "62345678"], ["赵*", "宜川路"] },
        { "我叫欧阳娜娜，中山北路3663号附近工地夜间施工，多次拨打12345未解决", ["欧阳娜娜"], ["欧***", "中山北路3663号", "12345"] },
        { "电话（021）5234 5678，石泉路街道群租房隔断", ["5234 5678", "52345678"], ["石泉路街道", "群租"] },
        { "身份证号31010419900101002X，本人要求核实占道经营", ["31010419900101002X"], ["占道经营"] },
        { "身份证号31010419900101002x 的老人走失，已报110", ["31010419900101002x"], ["110"] },
        { "+86 13912345678 反映桃浦路窨井盖缺失", ["13912345678"], ["139****5678", "窨井盖缺失"] },
        { "我是黄先生，光复西路2690号楼道堆物", ["黄先生"], ["黄**", "光复西路2690号"] },
        { "联系人：孙立，0086-13600001234，兰溪路积水30厘米", ["孙立", "13600001234"], ["孙*", "30厘米"] },
        { "车牌号浙B·8888X违停，本人杨洋，电话15800001111", ["浙B·8888X", "杨洋", "15800001111"], ["浙B·", "杨*"] },
        { "我叫周杰，02152345678，梅川路广场舞噪声到晚上十点", ["周杰", "02152345678"], ["周*", "梅川路"] },
        { "姓名：吴敏 电话：18600002222 反映铜川路水产市场异味", ["吴敏", "18600002222"], ["吴*", "铜川路"] },
        { "苏E12345的货车在万里街道卸货扰民，联系电话17712340000", ["苏E12345", "17712340000"], ["苏E", "万里街道"] },
        { "我是郑一鸣，2024年5月3日起隔壁装修每天早上7点开工", ["郑一鸣"], ["郑**", "2024年5月3日", "7点"] },
    };

    /// <summary>Texts without personal data: they must come back unchanged.</summary>
    public static TheoryData<string> WithoutPersonalData => new()
    {
        "长寿路123号门口路面积水约20厘米，影响通行",
        "曹杨新村8村12号群租，一套房住了12个人",
        "金沙江路1518弄夜间施工噪声扰民，已持续3天",
        "中潭路菜场门口占道经营，早上6点到9点最严重",
        "2024年5月3日至今，小区地下车库积水未处理",
        "反映20240503起楼道照明损坏，多次拨打12345",
        "有人在河边钓鱼并乱扔垃圾，已报110",
        "罚款2000元后仍继续违规经营",
        "工程合同金额12345678元，工地围挡破损",
        "我是本小区居民，楼下烧烤油烟扰民",
        "我是附近居民，苏州河步道护栏松动",
        "我是周边住户，晚上10点后广场舞音响声音太大",
        "我是曹杨新村的居民，反映绿化带被占用",
        "我是高层住户，二次供水水压不足",
        "我是万里街道的商户，门口窨井盖缺失",
        "本人曾多次反映，至今未解决",
        "本人于昨日发现路灯不亮",
        "本人要求尽快清理建筑垃圾",
        "本人在武宁路桥下发现油污",
        "我是车主，小区消防通道被占",
        "真如镇路1号门口共享单车乱停放，约50辆",
        "光复西路2690号附近下水道堵塞，污水外溢100米",
        "宜川路300弄3号楼502室楼上漏水",
        "兰溪路积水深度约15厘米，持续2小时",
        "梅川路步行街噪声达到85分贝",
        "中山北路3300号工地渣土车未覆盖",
        "大渡河路1号至168号人行道破损",
        "第三次来电，工单号12345-2024-001未办结",
        "早上8:30到9:00之间大量车辆违停",
        "温度38度，空调外机滴水严重",
    };

    [Theory]
    [MemberData(nameof(WithPersonalData))]
    public void Personal_data_in_a_complaint_is_masked_and_the_rest_reads_as_written(string text, string[] personal, string[] kept)
    {
        var masked = FreeTextMask.Mask(text);

        Assert.All(personal, p => Assert.DoesNotContain(p, masked, StringComparison.Ordinal));
        Assert.All(kept, k => Assert.Contains(k, masked, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(WithoutPersonalData))]
    public void A_complaint_without_personal_data_is_left_alone(string text) =>
        Assert.Equal(text, FreeTextMask.Mask(text));

    [Theory]
    [InlineData("我是王五 电话13700001111", "我是王* 电话137****1111")]
    [InlineData("我叫张小明", "我叫张**")]
    [InlineData("身份证310107198803151234", "身份证310*************34")]
    [InlineData("沪A·12345违停", "沪A·****5违停")]
    [InlineData("电话021-62345678", "电话021-******78")]
    [InlineData("联系人李四电话62345678", "联系人李*电话******78")]
    public void Masked_forms_keep_what_a_reader_needs_to_tell_them_apart(string text, string expected) =>
        Assert.Equal(expected, FreeTextMask.Mask(text));

    [Fact]
    public void Masking_twice_changes_nothing_more() =>
        Assert.All(WithPersonalData, row =>
        {
            var once = FreeTextMask.Mask((string)row[0]);
            Assert.Equal(once, FreeTextMask.Mask(once));
        });

    [Fact]
    public void The_corpus_has_at_least_forty_texts() =>
        Assert.True(WithPersonalData.Count + WithoutPersonalData.Count >= 40);
}
