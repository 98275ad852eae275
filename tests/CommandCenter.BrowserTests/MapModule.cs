using System.Text.Json;
using Microsoft.Playwright;

namespace CommandCenter.BrowserTests;

/// <summary>
/// Reads the wall's map through its ES module: importing './assets/js/twinmap.js' in the page gives
/// the same module instance the page's TwinMap component initialised.
/// </summary>
public static class MapModule
{
    private const string Import = "await import('./assets/js/twinmap.js')";

    public static async Task<MapStats> StatsAsync(IPage page) =>
        new(await page.EvaluateAsync<JsonElement>($"async () => ({Import}).getStats()"));

    public static async Task<JsonElement> ViewAsync(IPage page) =>
        await page.EvaluateAsync<JsonElement>($"async () => ({Import}).getView()");

    /// <summary>The view once the map has finished flying to it (up to 30 s).</summary>
    public static async Task<JsonElement> RestingViewAsync(IPage page)
    {
        await page.EvaluateAsync($"async () => {{ window.__twinmap ??= {Import}; }}");
        var view = await page.WaitForFunctionAsync(
            "() => { const v = window.__twinmap.getView(); return v && !v.animating ? v : null; }", null, new() { PollingInterval = 100, Timeout = 30_000 });
        return await view.JsonValueAsync<JsonElement>();
    }

    public static Task<JsonElement> CallAsync(IPage page, string function, params object?[] args) =>
        page.EvaluateAsync<JsonElement>($"async (args) => ({Import}).{function}(...args) ?? null", args);

    /// <summary>Polls the map's stats until <paramref name="ready"/> holds, for up to 60 s.</summary>
    public static async Task<MapStats> WaitForAsync(IPage page, Func<MapStats, bool> ready)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        MapStats stats;
        do
        {
            stats = await StatsAsync(page);
            if (ready(stats))
            {
                return stats;
            }

            await page.WaitForTimeoutAsync(250);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"The map did not fill within 60 s: {stats}");
        return stats;
    }

    public sealed record MapStats(JsonElement Raw)
    {
        public bool Connected => Raw.TryGetProperty("connected", out var c) && c.ValueKind == JsonValueKind.True;

        public bool Stale => !Raw.TryGetProperty("stale", out var s) || s.ValueKind != JsonValueKind.False;

        public int Count(string layer) =>
            Raw.TryGetProperty("counts", out var counts) && counts.TryGetProperty(layer, out var n) && n.ValueKind == JsonValueKind.Number ? n.GetInt32() : 0;

        public override string ToString() => Raw.GetRawText();
    }
}
