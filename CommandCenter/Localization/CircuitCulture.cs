using System.Globalization;

namespace CommandCenter.Localization;

/// <summary>
/// The culture of the circuit that created a component. A render that a background thread starts
/// (a twin snapshot, a timer) runs with that thread's culture, not the circuit's
/// (dotnet/aspnetcore#28521), so a page captures its culture when it subscribes and restores it
/// for such renders; otherwise an English page would fall back to Chinese on its next update.
/// </summary>
public sealed class CircuitCulture
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    /// <summary>Runs <paramref name="render"/> in the captured culture and puts the thread's own back.</summary>
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

    /// <summary>Sets the captured culture for the rest of an async callback, whose changes end with it.</summary>
    public void Apply()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
