using System.Net;
using CommandCenter.Tests.Support;

namespace CommandCenter.Tests;

public sealed class AppStartupTests : IAsyncLifetime
{
    private readonly TwinAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_app_starts_and_reports_itself_healthy_once_the_twin_runs()
    {
        using var client = _app.CreateClient();

        HttpResponseMessage? response = null;
        await Eventually.Until(async () => (response = await client.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK, "/healthz answers 200");

        Assert.Equal(HttpStatusCode.OK, response!.StatusCode);
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("twin").GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("security").GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_corridor_band_is_served_as_GeoJSON()
    {
        using var wall = await _app.SignInAsync(Security.Roles.Wall);

        var response = await wall.Client.GetAsync("/api/map/corridor.geojson");

        response.EnsureSuccessStatusCode();
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"FeatureCollection\"", body);
        Assert.Contains("苏河秀带", body);
        Assert.Contains("Polygon", body);
    }
}
