using CommandCenter.Officers;
using CommandCenter.Security;
using Microsoft.Extensions.DependencyInjection;
using Twin.Data.Boundary;
using Twin.Data.Store;
using Twin.Domain.Catalogue;
using Twin.Domain.Dispatch;
using Twin.Domain.Engine;
using Twin.Domain.Geography;
using Twin.Domain.Time;

namespace CommandCenter.Tests.Support;

/// <summary>A test's handle on the app's twin: its boundary, its clock and reference data, and (for assertions only) its store and engine.</summary>
public sealed class AppTwin(IServiceProvider services)
{
    public ITwinCommands Commands => services.GetRequiredService<ITwinCommands>();

    public ITwinQueries Queries => services.GetRequiredService<ITwinQueries>();

    public TwinClock Clock => services.GetRequiredService<TwinClock>();

    public DistrictMap District => services.GetRequiredService<DistrictMap>();

    public EventCatalogue Catalogue => services.GetRequiredService<EventCatalogue>();

    public TwinEngine Engine => services.GetRequiredService<TwinEngine>();

    public TwinStore Store => services.GetRequiredService<TwinStore>();

    public Task Ready => services.GetRequiredService<TwinReadiness>().Ready;

    /// <summary>Reports a street-vending case (with a caller) in the first 街镇 now, under a fresh id starting with <paramref name="prefix"/>, and returns the id.</summary>
    public async Task<string> ReportVendingCaseAsync(string prefix)
    {
        var ticketId = prefix + Guid.NewGuid().ToString("N")[..8];
        var place = District.SubDistricts[0].Boundary.InteriorPoint;
        var accepted = await Commands.SubmitAsync(new ReportTicketCommand(new Twin.Domain.Tickets.TicketReport(
            ticketId, Twin.Domain.Tickets.TicketChannel.GridPatrol, "street-vending", "河岸占道经营", "苏州河步道有流动摊位", new GeoPoint(place.X, place.Y),
            "测试地址", null, new Twin.Domain.Tickets.Reporter("张三丰", "13912345678"), Clock.GetUtcNow())));
        Assert.True(accepted.Accepted, accepted.Reason);
        return ticketId;
    }
}

public static class AppTwinServices
{
    public static AppTwin AppTwin(this IServiceProvider services) => new(services);

    /// <summary>Gives a bUnit context the app's twin as a circuit of the app sees it: the boundary, the clock, the reference data and the officers' role check.</summary>
    public static IServiceCollection AddAppTwin(this IServiceCollection services, IServiceProvider app)
    {
        services.AddSingleton(app.GetRequiredService<ITwinCommands>());
        services.AddSingleton(app.GetRequiredService<ITwinQueries>());
        services.AddSingleton(app.GetRequiredService<TwinClock>());
        services.AddSingleton(app.GetRequiredService<DistrictMap>());
        services.AddSingleton(app.GetRequiredService<EventCatalogue>());
        services.AddSingleton(app.GetRequiredService<DuplicateDetector>());
        services.AddSingleton(app.GetRequiredService<Twin.Domain.Dispatch.EvaluationWindow>());
        services.AddSingleton(app.GetRequiredService<SignedInScope>());
        services.AddScoped<IOfficerCommands, OfficerCommands>();
        services.AddScoped<CommandCenter.Localization.CircuitCulture>();
        return services;
    }
}
