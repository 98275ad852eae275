using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Twin.Data.Store;

using CommandCenter.Tests.Support;

namespace CommandCenter.Tests.Ingestion;

/// <summary>
/// Late and out-of-order readings (issue 18, item 3): kept in the history and its rollups without
/// moving the sensor's current value; too old or too far ahead refused with the reason; a reading
/// found again by its exact time.
/// </summary>
public sealed class LateReadingTests(IngestionApp app) : IClassFixture<IngestionApp>
{
    private const string Base = "/sta/v1.1";

    [Fact]
    public async Task A_late_reading_is_stored_but_the_current_value_and_alarms_stay_those_of_the_newest()
    {
        const string sensor = "S-TEST-0005";
        var client = app.KeyedClient();
        var newest = DateTimeOffset.UtcNow.AddSeconds(-5);
        Assert.Equal(HttpStatusCode.Created, (await Post(client, sensor, newest, 55)).StatusCode);
        await Eventually.Until(() => Current(sensor).LastValue == 55, "the newest reading is the current value", TimeSpan.FromSeconds(5));

        // A gateway's buffer arrives late: above the alarm level (85), a minute before the newest reading.
        var late = await Post(client, sensor, newest.AddMinutes(-1), 99);
        Assert.Equal(HttpStatusCode.Created, late.StatusCode);
        var stored = await Read(client, late.Headers.Location!.ToString());
        Assert.Equal(99, stored.GetProperty("result").GetDouble());

        await Task.Delay(600);
        var state = Current(sensor);
        Assert.Equal(55, state.LastValue);
        Assert.Equal(newest.UtcTicks, state.LastObservedAt!.Value.UtcTicks);
        Assert.Equal(Twin.Domain.Sensors.ValueState.Normal, state.ValueState);
        Assert.DoesNotContain(app.Runtime.Queries.Current.ActiveAlarms, a => a.SourceId == sensor);
    }

    [Fact]
    public async Task Readings_older_than_the_limit_or_ahead_of_the_clock_are_refused_with_the_reason()
    {
        var client = app.KeyedClient();
        var old = await Post(client, "S-TEST-0006", DateTimeOffset.UtcNow.AddDays(-8), 50);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, old.StatusCode);
        Assert.Equal("application/problem+json", old.Content.Headers.ContentType?.MediaType);
        Assert.Contains("more than 7 days before", await Detail(old));

        var ahead = await Post(client, "S-TEST-0006", DateTimeOffset.UtcNow.AddMinutes(10), 50);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, ahead.StatusCode);
        Assert.Contains("5 min ahead", await Detail(ahead));

        // Within the allowance a sender's clock may run a little fast.
        Assert.Equal(HttpStatusCode.Created, (await Post(client, "S-TEST-0006", DateTimeOffset.UtcNow.AddMinutes(2), 50)).StatusCode);
    }

    [Fact]
    public async Task A_reading_is_found_by_phenomenonTime_eq_its_exact_time()
    {
        var client = app.KeyedClient();
        var at = DateTimeOffset.UtcNow.AddMinutes(-30).AddTicks(1234560);
        Assert.Equal(HttpStatusCode.Created, (await Post(client, "S-TEST-0001", at, 61.5)).StatusCode);

        var utc = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var shanghai = at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var literal in new[] { utc, shanghai })
        {
            var page = await Read(client, $"{Base}/Datastreams('S-TEST-0001')/Observations?$filter=" + Uri.EscapeDataString($"phenomenonTime eq {literal}"));
            var found = Assert.Single(page.GetProperty("value").EnumerateArray());
            Assert.Equal(61.5, found.GetProperty("result").GetDouble());
        }
    }

    [Fact]
    public async Task A_late_reading_in_an_hour_already_summed_up_is_folded_into_that_hours_rollup()
    {
        const string sensor = "S-TEST-0002";
        var client = app.KeyedClient();
        var now = DateTimeOffset.UtcNow;
        var hour = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerHour, TimeSpan.Zero).AddHours(-2);
        Assert.Equal(HttpStatusCode.Created, (await Post(client, sensor, hour.AddMinutes(10), 50)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Post(client, sensor, now.AddSeconds(-5), 60)).StatusCode);
        await app.Runtime.Store.RunLifecycleAsync(now, new RetentionPolicy(TimeSpan.FromDays(7), TimeSpan.FromDays(730)));
        Assert.Equal((1L, 50.0, 50.0, 50.0), Rollup(sensor, hour));

        Assert.Equal(HttpStatusCode.Created, (await Post(client, sensor, hour.AddMinutes(20), 70)).StatusCode);
        Assert.Equal((2L, 60.0, 70.0, 70.0), Rollup(sensor, hour));

        // Earlier in the hour than what is stored: counted, but the hour's last value stays the later one.
        Assert.Equal(HttpStatusCode.Created, (await Post(client, sensor, hour.AddMinutes(5), 30)).StatusCode);
        Assert.Equal((3L, 50.0, 70.0, 70.0), Rollup(sensor, hour));
    }

    private Twin.Domain.Sensors.SensorState Current(string sensor) => app.Runtime.Queries.Current.Sensors.Single(s => s.Definition.Id == sensor);

    private (long Count, double Mean, double Max, double Last) Rollup(string sensor, DateTimeOffset hour)
    {
        using var connection = new SqliteConnection($"Data Source={app.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count, mean, max, last FROM observation_hourly WHERE sensor_id = $s AND period_start = $p";
        command.Parameters.AddWithValue("$s", sensor);
        command.Parameters.AddWithValue("$p", hour.UtcTicks);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read(), "no hourly rollup for that hour");
        return (reader.GetInt64(0), Math.Round(reader.GetDouble(1), 6), reader.GetDouble(2), reader.GetDouble(3));
    }

    private static Task<HttpResponseMessage> Post(HttpClient client, string sensor, DateTimeOffset at, double result) =>
        client.PostAsync($"{Base}/Datastreams('{sensor}')/Observations", IngestionApp.Json(
            $$"""{"phenomenonTime": "{{at.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'}}", "result": {{result.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}"""));

    private static async Task<string> Detail(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString()!;

    private static async Task<JsonElement> Read(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }
}
