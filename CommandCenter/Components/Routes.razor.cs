using CommandCenter.Localization;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Components;

public partial class Routes
{
    /// <summary>The language <c>App</c> served the page in; the circuit renders its live updates in it.</summary>
    [Parameter]
    public string? LanguageCode { get; set; }

    [Inject]
    private CircuitCulture Culture { get; set; } = default!;

    protected override void OnParametersSet()
    {
        if (LanguageCode is { } code)
        {
            Culture.ServedIn(code);
        }
    }
}
