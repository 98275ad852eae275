using System.Globalization;
using System.Text.RegularExpressions;

namespace Twin.Domain.Privacy;

/// <summary>
/// De-identifies free text for display (GB/T 35273 §7.2): citizens write their phone number, ID
/// number, plate or name into a complaint's text as often as into the contact fields, so a
/// ticket's title, description and notes are masked before they leave the domain. Ordinary
/// numbers — house numbers, dates, amounts, 12345, 110 — are left as written.
/// </summary>
public static partial class FreeTextMask
{
    // Surnames, so that 我是本小区居民 or 我是附近的 is not taken for a name: the 100 most common
    // single-character surnames cover ≈ 85 % of the population, and the compound ones follow.
    private const string CommonSurnames =
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝";

    private static readonly string[] CompoundSurnames =
        ["欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "夏侯", "端木", "司徒", "长孙"];

    // Words that follow a name in hotline texts; the name stops before them (联系人张三电话… is 张三).
    private static readonly string[] WordsAfterName =
        ["电话", "手机", "联系", "号码", "反映", "投诉", "来电", "住在", "家住", "居住", "在", "的", "说", "称", "是", "要", "想", "和", "与", "及", "也", "家", "今", "昨", "现", "从", "对", "因", "被", "把", "给", "向"];

    // What follows 我是 that starts with a surname's character but is no name: places, roles, words.
    private static readonly string[] NotNames =
        ["周边", "周围", "高层", "高楼", "高中", "江边", "河边", "房东", "房客", "车主", "司机", "管理", "包工", "曾经", "曾多", "曾于", "曾向", "曾在", "曾反", "曾投", "曾打", "于昨", "于今", "于前", "万里", "曹杨", "甘泉", "石泉", "长风", "宁夏", "江宁", "金沙", "武宁", "梅川", "白玉", "常德", "真如", "宜川", "长征", "桃浦", "安徽", "江苏", "浙江", "何时", "方便", "严重", "温度", "全体", "和平", "石门", "华东", "华师"];

    // A name stops before a place word: 张三楼下 is 张三.
    private const string PlaceCharacters = "路街镇村区弄楼号苑园坊湾城巷";

    // Honorifics stand for the name itself: 王先生 is masked as 王**.
    private static readonly string[] Honorifics = ["先生", "女士", "小姐", "阿姨", "师傅", "老师", "大爷", "大妈", "阿婆", "老伯"];

    // Units after a bare eight-digit number make it an amount or a count, not a Shanghai line.
    private const string Units = "元号米年月日个次栋幢室层户人吨台辆块张件平方度分秒岁%％";

    /// <summary>The text with every phone number, ID number, plate and introduced name masked.</summary>
    public static string Mask(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var masked = ResidentId().Replace(text, m => m.Value[..3] + new string('*', 13) + m.Value[^2..]);
        masked = Mobile().Replace(masked, m => PersonalDataMask.MaskPhone(m.Value));
        masked = LandlineWithAreaCode().Replace(masked, m => m.Groups["area"].Value + "-" + MaskLocalNumber(m.Groups["local"].Value));
        masked = LocalLandline().Replace(masked, m => IsOrdinaryNumber(masked, m) ? m.Value : MaskLocalNumber(m.Value));
        masked = LicencePlate().Replace(masked, m => m.Groups["prefix"].Value + m.Groups["sep"].Value + new string('*', m.Groups["tail"].Length - 1) + m.Groups["tail"].Value[^1..]);
        return IntroducedName().Replace(masked, MaskIntroducedName);
    }

    private static string MaskLocalNumber(string number)
    {
        var digits = new string(number.Where(char.IsAsciiDigit).ToArray());
        return new string('*', digits.Length - 2) + digits[^2..];
    }

    /// <summary>20240503 is a date and 12345678元 an amount; a Shanghai line is neither.</summary>
    private static bool IsOrdinaryNumber(string text, Match m)
    {
        var end = m.Index + m.Length;
        if (end < text.Length && Units.Contains(text[end], StringComparison.Ordinal))
        {
            return true;
        }

        return m.Value.Length == 8 && DateTime.TryParseExact(m.Value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date.Year is >= 1900 and <= 2100;
    }

    private static string MaskIntroducedName(Match m)
    {
        var candidate = m.Groups["name"].Value;
        if (NotNames.Any(w => candidate.StartsWith(w, StringComparison.Ordinal)))
        {
            return m.Value;
        }

        var surnameLength = CompoundSurnames.Any(s => candidate.StartsWith(s, StringComparison.Ordinal)) ? 2 : 1;
        if (surnameLength == 1 && !CommonSurnames.Contains(candidate[0], StringComparison.Ordinal))
        {
            return m.Value;
        }

        var afterSurname = candidate[surnameLength..];
        int nameLength;
        if (Honorifics.FirstOrDefault(h => afterSurname.StartsWith(h, StringComparison.Ordinal)) is { } honorific)
        {
            nameLength = surnameLength + honorific.Length;
        }
        else
        {
            // Given names are one or two characters; stop where a word that follows names begins.
            nameLength = surnameLength;
            while (nameLength < candidate.Length && nameLength < surnameLength + 2
                && !PlaceCharacters.Contains(candidate[nameLength], StringComparison.Ordinal)
                && !WordsAfterName.Any(w => candidate.AsSpan(nameLength).StartsWith(w, StringComparison.Ordinal)))
            {
                nameLength++;
            }

            if (nameLength == surnameLength)
            {
                return m.Value;
            }
        }

        var name = candidate[..nameLength];
        var nameStart = m.Groups["name"].Index - m.Index;
        return m.Value[..nameStart] + PersonalDataMask.MaskName(name) + m.Value[(nameStart + nameLength)..];
    }

    // 18 digits: a 6-digit area, a birth date 18xx–20xx, a 3-digit sequence and a check digit or X.
    [GeneratedRegex(@"(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex ResidentId();

    // 1[3-9]x xxxx xxxx, with +86/0086 and spaces or dashes as people type them.
    [GeneratedRegex(@"(?<![\d+])(?:(?:\+|00)86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Mobile();

    // 021-62345678, (021)6234 5678, 021 62345678, 02162345678, 0512-6234567.
    [GeneratedRegex(@"(?<!\d)[(（]?(?<area>0\d{2,3})[)）]?[\s-]?(?<local>[2-9]\d{2,3}[\s-]?\d{4})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex LandlineWithAreaCode();

    // A Shanghai line without its area code: eight digits, the first 2–9, maybe split 4+4.
    [GeneratedRegex(@"(?<![\d*])[2-9]\d{3}[\s-]?\d{4}(?![\d*])", RegexOptions.CultureInvariant)]
    private static partial Regex LocalLandline();

    // 沪A·12345, 沪AD12345 and 沪A12345D (new energy), 沪A1234挂; I and O are not used on plates.
    [GeneratedRegex(@"(?<prefix>[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z])(?<sep>[·•・.\s-]?)(?<tail>(?=[A-HJ-NP-Z]*\d)[A-HJ-NP-Z0-9]{5,6})(?![A-Za-z0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex LicencePlate();

    // 我是/我叫/联系人/本人 (and 姓名, 本人姓) then the name; up to four Han characters are read and trimmed.
    [GeneratedRegex(@"(?:我是|我叫|联系人|本人姓名|姓名|本人姓|本人)[:：\s]*(?<name>\p{IsCJKUnifiedIdeographs}{2,4})", RegexOptions.CultureInvariant)]
    private static partial Regex IntroducedName();
}
