using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using CommandCenter.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CommandCenter.Tests.Ingestion;

/// <summary>What every ingestion endpoint shares: keys, the per-key rate limit, size limits, the OpenAPI description.</summary>
public sealed class GatewayTests(IngestionApp app) : IClassFixture<IngestionApp>
{
    [Fact]
    public async Task A_source_over_its_rate_gets_429_with_Retry_After_in_problem_details()
    {
        var client = app.KeyedClient(IngestionApp.SlowKey);
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < IngestionApp.SlowRatePerMinute + 1; i++)
        {
            last = await client.PostAsync("/sta/v1.1/Observations", IngestionApp.Json("{}"));
            statuses.Add(last.StatusCode);
        }

        Assert.All(statuses.Take(IngestionApp.SlowRatePerMinute), s => Assert.Equal(HttpStatusCode.BadRequest, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.True(last!.Headers.RetryAfter is not null);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType!.MediaType);

        // Another source's budget is its own.
        Assert.Equal(HttpStatusCode.BadRequest, (await app.KeyedClient().PostAsync("/sta/v1.1/Observations", IngestionApp.Json("{}"))).StatusCode);
    }

    [Fact]
    public async Task Bodies_over_the_limit_are_refused_with_413_single_64KB_and_batch_2MB()
    {
        var client = app.KeyedClient();
        var single = await client.PostAsync("/sta/v1.1/Observations", IngestionApp.Json(new string(' ', 64 * 1024 + 1)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, single.StatusCode);

        // Just under 2 MB is read (and found malformed); just over is not read at all.
        var batchOk = await client.PostAsync("/sta/v1.1/CreateObservations", IngestionApp.Json(new string(' ', 2 * 1024 * 1024 - 10)));
        Assert.Equal(HttpStatusCode.BadRequest, batchOk.StatusCode);
        var batch = await client.PostAsync("/sta/v1.1/CreateObservations", IngestionApp.Json(new string(' ', 2 * 1024 * 1024 + 1)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, batch.StatusCode);
    }

    [Fact]
    public async Task The_OpenAPI_description_covers_every_ingestion_endpoint()
    {
        using var officer = await app.SignInAsync(Security.Roles.Officer);
        var doc = JsonDocument.Parse(await officer.Client.GetStringAsync("/openapi/v1.json")).RootElement;
        var paths = doc.GetProperty("paths");
        foreach (var (path, method, contentType) in new[]
                 {
                     ("/open311/v2/requests.{format}", "post", "application/x-www-form-urlencoded"),
                     ("/sta/v1.1/Observations", "post", "application/json"),
                     ("/sta/v1.1/CreateObservations", "post", "application/json"),
                     ("/api/alerts/cap", "post", "application/cap+xml"),
                 })
        {
            var operation = paths.GetProperty(path).GetProperty(method);
            Assert.True(operation.GetProperty("requestBody").GetProperty("content").TryGetProperty(contentType, out _), $"{method} {path} documents {contentType}");
        }

        Assert.True(paths.TryGetProperty("/open311/v2/services.{format}", out _));
        Assert.True(paths.TryGetProperty("/sta/v1.1/Things", out _));
    }

    [Fact]
    public async Task Without_configured_keys_ingestion_is_refused_with_401()
    {
        var directory = Path.Combine(Path.GetTempPath(), "cityops-ingest-tests", Guid.NewGuid().ToString("N"));
        await using (var unconfigured = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
                     {
                         // Production reads appsettings.json only, which ships without keys.
                         b.UseEnvironment("Production");
                         b.UseSetting("Twin:Storage:DatabasePath", Path.Combine(directory, "twin.db"));
                         b.UseSetting("Twin:Security:KeyDirectory", Path.Combine(directory, "keys"));
                         b.UseSetting("Twin:Simulator:Enabled", "false");
                     }))
        {
            var client = unconfigured.CreateClient();
            client.DefaultRequestHeaders.Add("X-Api-Key", IngestionApp.Key);
            var response = await client.PostAsync("/api/alerts/cap", IngestionApp.Xml(CapSamples.ThunderstormVerbatim));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains("not configured", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString());
        }

        IngestionApp.DeleteFolder(directory);
    }
}
