using System.Text.Encodings.Web;
using System.Text.Unicode;
using CommandCenter.Api;
using CommandCenter.Security;
using MudBlazor.Services;
using Scalar.AspNetCore;

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
        services.AddSingleton<CommandCenter.Field.RefusalWording>((outcome, fallback) => Console.RefusalText.Of(outcome, fallback));
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            // The description is for integrators: the APIs. The sign-in forms, the wall's pairing
            // link and the audit download are the pages' plumbing (form posts answered by redirects).
            foreach (var path in document.Paths.Keys.Where(p => !ApiAnswers.IsApi(new PathString(p))).ToList())
            {
                document.Paths.Remove(path);
            }

            return Task.CompletedTask;
        }));
        return services;
    }

    /// <summary>
    /// The OpenAPI description at <c>/openapi/v1.json</c>, readable without an account (it names
    /// routes and bodies, no secrets), and in Development a browsable reference at <c>/scalar/v1</c>
    /// whose scripts carry the request's CSP nonce.
    /// </summary>
    public static WebApplication MapTwinApiDescription(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference((options, context) =>
            {
                options.WithTitle("CityOps Twin API").WithNonce(SecurityHeaders.Nonce(context)!);
                // Offline and under the CSP: no fonts from Scalar's CDN, no telemetry.
                options.DefaultFonts = false;
                options.Telemetry = false;
            }).AllowAnonymous();
        }

        return app;
    }
}
