using System.Globalization;

namespace CommandCenter.Tests.Support;

/// <summary>
/// Renders in the given language, as the request localization would for a request or circuit,
/// and restores the previous culture on dispose.
/// </summary>
public sealed class UiLanguage : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    private UiLanguage(string code)
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(code);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(code);
    }

    public static UiLanguage English() => new("en");

    public static UiLanguage Chinese() => new("zh-CN");

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
