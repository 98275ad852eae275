using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace CommandCenter.Localization;

/// <summary>
/// Chinese by default, English on request: <c>?lang=en</c> (or <c>?lang=zh</c>) decides and is
/// remembered in ASP.NET Core's culture cookie, which then decides every later request, the
/// Blazor circuit's included. The browser's Accept-Language is not asked: a wall in the hall speaks
/// Chinese whatever machine drives it.
/// </summary>
public static class LanguageSetup
{
    private static readonly TimeSpan Remembered = TimeSpan.FromDays(365);

    public static IServiceCollection AddTwinLanguage(this IServiceCollection services) =>
        services.AddScoped<CircuitCulture>().Configure<RequestLocalizationOptions>(options =>
        {
            CultureInfo[] cultures = [new(Language.ChineseCode), new(Language.EnglishCode)];
            options.DefaultRequestCulture = new RequestCulture(Language.ChineseCode);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.RequestCultureProviders =
            [
                new CustomRequestCultureProvider(context =>
                    Task.FromResult(Language.FromQuery(context.Request.Query[Language.QueryKey]) is { } code
                        ? new ProviderCultureResult(code)
                        : null)),
                new CookieRequestCultureProvider(),
            ];
        });

    public static IApplicationBuilder UseTwinLanguage(this IApplicationBuilder app)
    {
        app.UseRequestLocalization();
        return app.Use((context, next) =>
        {
            if (Language.FromQuery(context.Request.Query[Language.QueryKey]) is { } code)
            {
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(code)),
                    new CookieOptions
                    {
                        MaxAge = Remembered,
                        IsEssential = true,
                        HttpOnly = true,
                        SameSite = SameSiteMode.Lax,
                        Secure = context.Request.IsHttps,
                        Path = "/",
                    });
            }

            return next(context);
        });
    }
}
