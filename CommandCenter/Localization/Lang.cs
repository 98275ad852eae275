using System.Globalization;
using Twin.Domain.Vocabulary;

namespace CommandCenter.Localization;

/// <summary>The screens speak Chinese first, English second.</summary>
public enum Lang
{
    Zh,
    En,
}

/// <summary>
/// The language of the current request or circuit. <see cref="LanguageSetup"/> sets
/// <see cref="CultureInfo.CurrentUICulture"/> from <c>?lang=</c> or the remembered cookie, and a
/// Blazor circuit keeps the culture of the request that opened it, so every component reads it
/// here instead of receiving it as a parameter.
/// </summary>
public static class Language
{
    public const string QueryKey = "lang";
    public const string ChineseCode = "zh-CN";
    public const string EnglishCode = "en";

    public static Lang Current =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == EnglishCode ? Lang.En : Lang.Zh;

    /// <summary>The value of <c>&lt;html lang&gt;</c> and of a page's <c>lang</c> attributes.</summary>
    public static string Code => Current.Code();

    /// <summary>The culture that <c>?lang=</c> asks for (en, zh, zh-CN), or null for anything else.</summary>
    public static string? FromQuery(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "en" or "en-us" or "en-gb" => EnglishCode,
        "zh" or "zh-cn" or "zh-hans" => ChineseCode,
        _ => null,
    };

    /// <summary>A name the data carries in both languages (a sub-district's, a category's, an officer's).</summary>
    public static string Name(string zh, string en) => Current.Pick(zh, en);

    /// <summary>The switch's label: the other language, in its own words.</summary>
    public static string SwitchLabel => Current.Pick("English", "中文");

    /// <summary>The same page in the other language (the switch in each page's header); a path with a query keeps it.</summary>
    public static string SwitchHref(string path) =>
        $"{path}{(path.Contains('?') ? '&' : '?')}{QueryKey}={(Current == Lang.En ? "zh" : EnglishCode)}";
}

public static class LangExtensions
{
    public static string Pick(this Lang lang, string zh, string en) => lang == Lang.En ? en : zh;

    public static string Text(this Term term, Lang lang) => lang == Lang.En ? term.En : term.Zh;

    public static string Code(this Lang lang) => lang == Lang.En ? Language.EnglishCode : Language.ChineseCode;
}
