using System.Net;
using System.Text.Json;
using Bunit;
using CommandCenter.Components.Console;
using CommandCenter.Components.Map;
using CommandCenter.Map;
using CommandCenter.Tests.Support;
using CommandCenter.Vocabulary;
using MudBlazor.Services;
using Twin.Domain.Alarms;
using Twin.Domain.Geography;
using Twin.Domain.Sensors;
using Twin.Domain.Tickets;

namespace CommandCenter.Tests.Vocabulary;

/// <summary>One vocabulary: every value named in both languages, and console, legend and map agreeing.</summary>
public sealed class VocabularyTests : IAsyncLifetime
{
    private readonly TwinAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public void Every_value_of_every_concept_has_a_Chinese_and_an_English_name_and_its_colour_or_symbol()
    {
        var document = VocabularyDocument.Current;
        AssertNamed(document.TicketStatus, Enum.GetValues<TicketStatus>().Select(v => MapFeatures.Wire(v)), needsColor: true);
        AssertNamed(document.Channel, Enum.GetValues<TicketChannel>().Select(v => MapFeatures.Wire(v)));
        AssertNamed(document.Priority, Enum.GetValues<TicketPriority>().Select(v => MapFeatures.Wire(v)));
        AssertNamed(document.Severity, Enum.GetValues<AlarmSeverity>().Select(v => MapFeatures.Wire(v)), needsColor: true);
        AssertNamed(document.ValueState, Enum.GetValues<ValueState>().Select(v => MapFeatures.Wire(v)), needsColor: true);
        AssertNamed(document.Health, Enum.GetValues<SensorHealth>().Select(v => MapFeatures.Wire(v)));
        AssertNamed(document.SensorKind, Enum.GetValues<SensorKind>().Select(k => k.Slug()));
        AssertNamed(document.Source, Enum.GetValues<AlarmSource>().Select(v => MapFeatures.Wire(v)));
        AssertNamed(document.Layer, [.. MapLayers.Live, MapLayers.Cameras, MapLayers.Drones, MapLayerNames.Stations]);

        Assert.All(document.Channel.Values, c => Assert.InRange(c.Shape!.Points, 3, 8));
        Assert.Equal(
            Enum.GetValues<AlarmSeverity>().Select(s => VocabularyStyle.Radius(s)).Order(),
            Enum.GetValues<AlarmSeverity>().Select(s => VocabularyStyle.Radius(s)));

        // The closed loop's last stage is 结案问效; 评价 is the officer's act, not a status.
        Assert.Equal("问效", document.TicketStatus["evaluated"].Zh);
    }

    [Fact]
    public async Task The_legend_the_console_and_the_vocabulary_document_give_each_status_the_same_name_and_colour()
    {
        var document = VocabularyDocument.Current;
        foreach (var english in new[] { false, true })
        {
            using var _ = english ? UiLanguage.English() : UiLanguage.Chinese();
            await using var ctx = new BunitContext();
            ctx.JSInterop.Mode = JSRuntimeMode.Loose;
            ctx.Services.AddMudServices();
            string Name(VocabularyEntry e) => english ? e.En : e.Zh;

            var legend = ctx.Render<MapLegend>();
            foreach (var status in Enum.GetValues<TicketStatus>().Where(s => s.IsOpen()))
            {
                var entry = document.TicketStatus[MapFeatures.Wire(status)];
                var key = legend.Find($"[data-legend-key='ticketStatus:{MapFeatures.Wire(status)}']");
                Assert.Contains(entry.Color!, key.GetAttribute("style"));
                Assert.Equal(Name(entry), key.ParentElement!.TextContent.Trim());
            }

            foreach (var severity in Enum.GetValues<AlarmSeverity>())
            {
                var entry = document.Severity[MapFeatures.Wire(severity)];
                var key = legend.Find($"[data-legend-key='severity:{MapFeatures.Wire(severity)}']");
                Assert.Contains(entry.Color!, key.GetAttribute("style"));
                Assert.Equal(Name(entry), key.ParentElement!.TextContent.Trim());
            }

            var tickets = Enum.GetValues<TicketStatus>().Select(Ticket).ToList();
            var queue = ctx.Render<TicketQueue>(p => p
                .Add(q => q.Tickets, tickets)
                .Add(q => q.Filter, new QueueFilter())
                .Add(q => q.Now, DateTimeOffset.UnixEpoch)
                .Add(q => q.Channels, [])
                .Add(q => q.Categories, [])
                .Add(q => q.SubDistricts, [])
                .Add(q => q.Statuses, []));
            foreach (var ticket in tickets)
            {
                var entry = document.TicketStatus[MapFeatures.Wire(ticket.Status)];
                var cell = queue.Find($"[data-status-cell='{ticket.Id}']");
                Assert.Equal(Name(entry), cell.TextContent.Trim());
                Assert.Contains(entry.Color!, cell.QuerySelector(".status-dot")!.GetAttribute("style"));
            }
        }
    }

    [Fact]
    public async Task The_map_gets_the_vocabulary_document_from_its_endpoint_as_a_wall_and_not_without_signing_in()
    {
        using var anonymous = _app.CreateClient(new() { AllowAutoRedirect = false });
        var refused = await anonymous.GetAsync(VocabularyDocument.Path);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);

        using var wall = await _app.SignInAsync(Security.Roles.Wall);
        var response = await wall.Client.GetAsync(VocabularyDocument.Path);

        response.EnsureSuccessStatusCode();
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"问效\"", body);
        var root = JsonDocument.Parse(body).RootElement;
        Assert.Equal("#ffe14d", root.GetProperty("ticketStatus").GetProperty("discovered").GetProperty("color").GetString());
        Assert.Equal("12345 hotline", root.GetProperty("channel").GetProperty("hotline12345").GetProperty("en").GetString());
        var shape = root.GetProperty("channel").GetProperty("hotline12345").GetProperty("shape");
        Assert.Equal(4, shape.GetProperty("points").GetInt32());
        Assert.Equal(Math.PI / 4, shape.GetProperty("angle").GetDouble());
        Assert.Equal(JsonValueKind.Null, shape.GetProperty("inner").ValueKind);
        Assert.Equal(12, root.GetProperty("severity").GetProperty("critical").GetProperty("radius").GetInt32());
        Assert.Equal("电量低", root.GetProperty("health").GetProperty("lowBattery").GetProperty("zh").GetString());
        Assert.Equal("Creek water level", root.GetProperty("sensorKind").GetProperty("creek-water-level").GetProperty("en").GetString());
        Assert.Equal("AI video", root.GetProperty("source").GetProperty("ai-video").GetProperty("en").GetString());
        Assert.Equal("地铁站", root.GetProperty("layer").GetProperty("stations").GetProperty("zh").GetString());
        Assert.Equal(VocabularyStyle.Color(TicketPriority.Urgent), root.GetProperty("priority").GetProperty("urgent").GetProperty("color").GetString());
    }

    private static void AssertNamed(IReadOnlyDictionary<string, VocabularyEntry> section, IEnumerable<string> keys, bool needsColor = false)
    {
        var expected = keys.ToList();
        Assert.Equal(expected.Order(), section.Keys.Order());
        Assert.All(section.Values, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Zh));
            Assert.False(string.IsNullOrWhiteSpace(e.En));
            Assert.NotEqual(e.Zh, e.En);
            if (needsColor)
            {
                Assert.Matches("^(#[0-9a-f]{6}|rgba\\(.+\\))$", e.Color);
            }
        });
        Assert.Equal(section.Count, section.Values.Select(e => e.Zh).Distinct().Count());
        Assert.Equal(section.Count, section.Values.Select(e => e.En).Distinct().Count());
    }

    private static TicketState Ticket(TicketStatus status) => new(
        $"T-{status}", TicketChannel.GridPatrol, "street-vending", status.ToString(), string.Empty, new GeoPoint(121.4, 31.25),
        string.Empty, "310107001", null, string.Empty, string.Empty, TicketPriority.Normal, status, false,
        DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null, null);
}
