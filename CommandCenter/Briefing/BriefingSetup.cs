using CommandCenter.Configuration;
using Microsoft.Extensions.Options;

namespace CommandCenter.Briefing;

/// <summary>The leaders' briefing: its names, exports and the daily briefing.</summary>
public static class BriefingSetup
{
    public static IServiceCollection AddBriefing(this IServiceCollection services)
    {
        services.AddSingleton<BriefingNames>();
        services.AddOptions<BriefingOptions>().BindConfiguration(BriefingOptions.Section).CheckedAtStart(o => o.Problems());
        services.AddSingleton(sp => new BriefingPdf(sp.GetRequiredService<IOptions<BriefingOptions>>().Value));
        services.AddSingleton<DailyBriefingService>();
        services.AddHostedService(sp => sp.GetRequiredService<DailyBriefingService>());
        return services;
    }
}
