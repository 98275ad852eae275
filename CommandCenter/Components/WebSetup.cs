using System.Text.Encodings.Web;
using System.Text.Unicode;
using MudBlazor.Services;

namespace CommandCenter.Components;

/// <summary>Wires the pages: Blazor Server with MudBlazor, problem details for errors, the OpenAPI description.</summary>
public static class WebSetup
{
    public static IServiceCollection AddTwinWeb(this IServiceCollection services)
    {
        // Razor components entity-encode non-ASCII text unless an encoder allowing all ranges is registered.
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddOpenApi();
        return services;
    }
}
