using System.Globalization;

namespace CommandCenter.Localization;

/// <summary>
/// The language a circuit's page was served in, one per circuit. A render that a background thread
/// starts (a twin snapshot, a timer) runs with that thread's culture, not the circuit's
/// (dotnet/aspnetcore#28521), so pages run such renders through <see cref="Run"/>. The culture is
/// the one <c>App</c> rendered the page in (<see cref="ServedIn"/>, from the page's own request),
/// not whatever culture happened to be ambient when the circuit built the page: a clean-clone run
/// once showed an English wall in Chinese for good after it turned interactive.
/// </summary>
public sealed class CircuitCulture
{
    private CultureInfo _culture = CultureInfo.CurrentCulture;
    private CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    /// <summary>Called by the root component with the code of the language its page was served in.</summary>
    public void ServedIn(string code)
    {
        if (Language.FromQuery(code) is { } known)
        {
            _culture = _uiCulture = CultureInfo.GetCultureInfo(known);
        }
    }

    /// <summary>Runs <paramref name="render"/> in the circuit's culture and puts the thread's own back.</summary>
    public void Run(Action render)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
        try
        {
            render();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }

    /// <summary>Sets the circuit's culture for the rest of an async callback, whose changes end with it.</summary>
    public void Apply()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
