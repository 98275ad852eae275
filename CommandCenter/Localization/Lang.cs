namespace CommandCenter.Localization;

/// <summary>The wall speaks Chinese first, English second.</summary>
public enum Lang
{
    Zh,
    En,
}

public static class LangExtensions
{
    public static string Pick(this Lang lang, string zh, string en) => lang == Lang.En ? en : zh;

    public static Lang Parse(string? value) =>
        string.Equals(value, "en", StringComparison.OrdinalIgnoreCase) ? Lang.En : Lang.Zh;

    public static string Code(this Lang lang) => lang == Lang.En ? "en" : "zh-CN";
}
