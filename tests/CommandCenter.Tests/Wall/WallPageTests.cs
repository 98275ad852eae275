using Bunit;
using CommandCenter.Components.Wall;
using CommandCenter.Live;
using CommandCenter.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using CommandCenter.Components.Wall.Scenes;
using Twin.Domain.Emergency;
using Twin.Domain.Organisations;
using Twin.Domain.Tickets;

namespace CommandCenter.Tests.Wall;

/// <summary>The wall page rendered by bUnit against the real, running twin (engine, store, simulator).</summary>
public sealed class WallPageTests : IAsyncLifetime
{
    private readonly TwinAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_wall_shows_the_engines_live_counters_in_five_panels()
    {
        var feed = _app.Services.GetRequiredService<WallFeed>();
        await Eventually.Until(() => feed.Current is { } s && s.VitalSigns.Pulse.TicketsToday > 0 && s.Sensors.Length == TwinAppFactory.SensorCount, "the wall's feed has today's tickets and every sensor");
        await using var ctx = WallContext.Create(_app.Services);

        var wall = ctx.Render<WallPage>();

        Assert.Equal(5, wall.FindAll("[data-panel]").Count);
        var sensorsOnline = wall.Find("[data-panel='look'] [data-indicator='sensors'] .number").TextContent;
        Assert.Matches(@"^[\d,]+/[\d,]+$", sensorsOnline);
        Assert.Equal(TwinAppFactory.SensorCount.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), sensorsOnline.Split('/')[1]);
        var ticketsToday = int.Parse(wall.Find("[data-panel='pulse'] [data-indicator='today'] .number").TextContent.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(ticketsToday > 0);

        var version = wall.Find(".wall").GetAttribute("data-version");
        wall.WaitForAssertion(() => Assert.NotEqual(version, wall.Find(".wall").GetAttribute("data-version")), TimeSpan.FromSeconds(15));
    }

    /// <summary>Issue 20: a wall paired to 真如 shows 真如's sensors, cases and alarms in its panels, not the district's.</summary>
    [Fact]
    public async Task A_sub_district_walls_panels_count_its_own_area_only()
    {
        const string zhenru = "310107022000";
        var feed = _app.Services.GetRequiredService<WallFeed>();
        await Eventually.Until(() => feed.Current is { } s && s.VitalSigns.Pulse.TicketsToday > 0 && s.Sensors.Length == TwinAppFactory.SensorCount, "the wall's feed has today's tickets and every sensor");
        var inArea = feed.Current!.Sensors.Count(s => s.SubDistrictCode == zhenru);
        await using var ctx = WallContext.Create(_app.Services, "sd-" + zhenru);

        var wall = ctx.Render<WallPage>();

        Assert.Equal(5, wall.FindAll("[data-panel]").Count);
        Assert.InRange(inArea, 1, TwinAppFactory.SensorCount - 1);
        var sensorsOnline = wall.Find("[data-panel='look'] [data-indicator='sensors'] .number").TextContent;
        Assert.Equal(inArea.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), sensorsOnline.Split('/')[1]);
        Assert.Empty(wall.FindAll("[data-panel='look'] [data-indicator='datalake']"));
        Assert.Contains("街镇底数", wall.Find("[data-panel='look']").TextContent, StringComparison.Ordinal);

        // The open cases counted are 真如's, whatever the district's backlog is at the moment.
        wall.WaitForAssertion(() =>
        {
            var shown = int.Parse(wall.Find("[data-panel='pulse'] [data-indicator='backlog'] .number").TextContent.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);
            var current = feed.Current!;
            Assert.Equal(current.Tickets.Count(t => t.SubDistrictCode == zhenru && t.Status.IsOpen()), shown);
            Assert.True(shown < current.VitalSigns.Pulse.Backlog, $"真如's {shown} open cases, the district's {current.VitalSigns.Pulse.Backlog}");
        }, TimeSpan.FromSeconds(15));

        // Its emergency scene counts 真如's known waterlogging points and underpasses and its own rain gauges, not the district's.
        var assets = _app.Services.GetRequiredService<FloodControlAssets>();
        var scope = new AccessScope(_app.Services.GetRequiredService<Twin.Data.Boundary.ITwinOrganisations>().Find("sd-" + zhenru)!, AccessRole.Wall);
        var view = _app.Services.GetRequiredService<AreaVitalSigns>().View(scope, feed.Current!);
        var left = EmergencyPanels.Left(view, new EmergencyReference(assets, _app.Services.GetRequiredService<DutyRoster>()), view.At, code => code);
        var figures = left.SelectMany(p => p.View.Indicators).ToDictionary(i => i.Key, i => i.Value);
        var known = (Points: assets.OfKind(FloodPointKind.WaterloggingPoint).Count(p => p.SubDistrictCode == zhenru), Underpasses: assets.OfKind(FloodPointKind.Underpass).Count(p => p.SubDistrictCode == zhenru));
        Assert.Equal((known.Points.ToString(System.Globalization.CultureInfo.InvariantCulture), known.Underpasses.ToString(System.Globalization.CultureInfo.InvariantCulture)), (figures["known-points"], figures["underpasses"]));
        Assert.True(known.Points < assets.OfKind(FloodPointKind.WaterloggingPoint).Count(), "the district has waterlogging points outside 真如");
        var gauges = view.Sensors.Where(s => s.Definition.Kind == Twin.Domain.Sensors.SensorKind.RainGauge).Select(s => s.Definition.Id).ToHashSet();
        Assert.All(view.Rainfall, r => Assert.Contains(r.SensorId, gauges));
        Assert.True(view.Rainfall.Length < feed.Current!.Rainfall.Length, $"真如's {view.Rainfall.Length} rain gauges of the district's {feed.Current!.Rainfall.Length}");
    }

    /// <summary>
    /// Issue 20: a wall paired to a department (the one leading most open cases at the moment) counts
    /// that department's own open cases, with the district's sensors.
    /// </summary>
    [Fact]
    public async Task A_department_walls_panels_count_its_own_work_and_the_districts_sensors()
    {
        var feed = _app.Services.GetRequiredService<WallFeed>();
        var directory = _app.Services.GetRequiredService<OrganisationDirectory>();
        await Eventually.Until(() => feed.Current is { } s && s.Sensors.Length == TwinAppFactory.SensorCount
            && s.Tickets.Where(t => t.Status.IsOpen()).Select(t => t.Department).Distinct().Count(d => d is not null && directory.FindDepartment(d) is not null) >= 2,
            "two departments have open cases");
        var department = feed.Current!.Tickets.Where(t => t.Status.IsOpen() && t.Department is not null && directory.FindDepartment(t.Department) is not null)
            .GroupBy(t => t.Department!).MaxBy(g => g.Count())!.Key;
        await using var ctx = WallContext.Create(_app.Services, directory.FindDepartment(department)!.Id);

        var wall = ctx.Render<WallPage>();

        var sensorsOnline = wall.Find("[data-panel='look'] [data-indicator='sensors'] .number").TextContent;
        Assert.Equal(TwinAppFactory.SensorCount.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), sensorsOnline.Split('/')[1]);
        wall.WaitForAssertion(() =>
        {
            var shown = int.Parse(wall.Find("[data-panel='pulse'] [data-indicator='backlog'] .number").TextContent.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);
            var current = feed.Current!;
            Assert.Equal(current.Tickets.Count(t => t.Status.IsOpen() && (t.Department == department || t.CoordinatingDepartmentList.Contains(department))), shown);
            Assert.True(shown < current.VitalSigns.Pulse.Backlog, $"{department}'s {shown} open cases, the district's {current.VitalSigns.Pulse.Backlog}");
        }, TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task The_English_wall_names_the_citizens_top_categories_in_English_from_the_catalogue()
    {
        var feed = _app.Services.GetRequiredService<WallFeed>();
        await Eventually.Until(() => feed.Current is { } s && s.VitalSigns.Voice.TopCategories.Count > 0, "citizens have reported today");
        var catalogue = _app.Services.GetRequiredService<Twin.Domain.Catalogue.EventCatalogue>();
        using var english = UiLanguage.English();
        await using var ctx = WallContext.Create(_app.Services);

        var wall = ctx.Render<WallPage>();

        var names = wall.FindAll("[data-panel='voice'] .ranked").First().QuerySelectorAll(".name").Select(n => n.TextContent).ToList();
        Assert.NotEmpty(names);
        Assert.All(names, n => Assert.Contains(n, catalogue.Categories.Select(c => c.NameEn)));
    }
    /// <summary>
    /// A clean-clone run once showed a wall opened with <c>?lang=en</c> in Chinese for good once it
    /// turned interactive: its live updates ran in whatever culture was ambient when the circuit
    /// built the page. They now run in the language the page was served in.
    /// </summary>
    [Fact]
    public async Task A_wall_served_in_English_updates_in_English_whatever_culture_the_circuit_built_it_in()
    {
        var feed = _app.Services.GetRequiredService<WallFeed>();
        await Eventually.Until(() => feed.Current is not null, "the wall's feed has a snapshot");
        using var chinese = UiLanguage.Chinese();
        await using var ctx = WallContext.Create(_app.Services);
        ctx.Services.GetRequiredService<CommandCenter.Localization.CircuitCulture>().ServedIn("en");

        var wall = ctx.Render<WallPage>();
        var version = wall.Find(".wall").GetAttribute("data-version");

        wall.WaitForAssertion(() =>
        {
            Assert.NotEqual(version, wall.Find(".wall").GetAttribute("data-version"));
            Assert.Equal("City look", wall.Find("[data-panel='look'] h2").TextContent);
        }, TimeSpan.FromSeconds(15));
    }
}
