using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace CommandCenter.Tests.Operations;

/// <summary>
/// Liveness says the process answers; readiness says the twin can keep what it is sent. Another
/// process holding the database's write lock (as a stuck <c>sqlite3</c> shell or a copy tool
/// would) makes the store refuse writes: readiness fails while it lasts and recovers after.
/// Running as root here, a read-only file would not stop a write, so the lock is the real fault.
/// </summary>
[Collection(ScrapingCollection.Name)]
public sealed class HealthTests
{
    [Fact]
    public async Task Readiness_fails_while_the_store_refuses_writes_and_recovers_afterwards()
    {
        await using var app = new OperationsApp(b => b.UseSetting("Twin:Storage:BusyTimeout", "00:00:00.500"));
        await app.StartAsync();
        using var client = app.CreateClient();
        await ReadyAsync(client);
        var time = DateTimeOffset.UtcNow.AddMinutes(-5);

        await using (var locker = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False"))
        {
            await locker.OpenAsync();
            await using (var begin = locker.CreateCommand())
            {
                begin.CommandText = "BEGIN EXCLUSIVE";
                await begin.ExecuteNonQueryAsync();
            }

            var refused = await app.PostReadingAsync(3, time, 55);
            Assert.False(refused.IsSuccessStatusCode, $"a reading was accepted while the store was locked: {(int)refused.StatusCode}");

            var ready = await client.GetAsync("/healthz/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            var store = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("checks").GetProperty("store");
            Assert.Equal("Unhealthy", store.GetProperty("status").GetString());
            Assert.Contains("Writes to the store fail", store.GetProperty("description").GetString(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/live")).StatusCode);
            var metrics = await app.ScrapeAsync();
            Assert.True(PrometheusText.Sum(metrics, "cityops_twin_pipeline_commit_duration_seconds_count", ("outcome", "failed")) >= 1);
        }

        Assert.Equal(HttpStatusCode.Created, (await app.PostReadingAsync(3, time.AddSeconds(10), 56)).StatusCode);
        var recovered = await client.GetAsync("/healthz/ready");
        Assert.True(recovered.StatusCode == HttpStatusCode.OK, await recovered.Content.ReadAsStringAsync());
    }

    /// <summary>Waits for the accounts' bootstrap too, which readiness also waits for.</summary>
    private static async Task ReadyAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        HttpResponseMessage ready;
        while ((ready = await client.GetAsync("/healthz/ready")).StatusCode != HttpStatusCode.OK && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.True(ready.StatusCode == HttpStatusCode.OK, await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readiness_fails_when_the_disk_has_less_free_space_than_configured()
    {
        await using var app = new OperationsApp(b => b.UseSetting("Twin:Health:MinFreeDiskMegabytes", "9000000"));
        await app.StartAsync();
        using var client = app.CreateClient();

        var ready = await client.GetAsync("/healthz/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var store = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("checks").GetProperty("store");
        Assert.Contains("MinFreeDiskMegabytes asks for 9000000 MB", store.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/live")).StatusCode);
    }
}
