using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CommandCenter.Tests.Ingestion;

/// <summary>
/// A seeded corpus of bad inputs per ingestion endpoint: broken syntax, wrong types, missing
/// fields, out-of-range and NaN coordinates, huge bodies, wrong datums, unknown ids. Every
/// answer must be a 4xx with a readable message in the endpoint's error format, and the store
/// must hold exactly what it held before.
/// </summary>
public sealed class MalformedCorpusTests(IngestionApp app) : IClassFixture<IngestionApp>
{
    private const int PerEndpoint = 2500;
    private static readonly string[] Tables = ["tickets", "ticket_history", "observations", "alarms", "alarm_history", "alarm_areas"];

    [Fact]
    public Task Open311_requests() => RunAsync(1, Open311Case);

    [Fact]
    public Task SensorThings_observations() => RunAsync(2, ObservationCase);

    [Fact]
    public Task SensorThings_create_observations() => RunAsync(3, BatchCase);

    [Fact]
    public Task Cap_alerts() => RunAsync(4, CapCase);

    [Fact]
    public Task Reads_of_unknown_ids_and_bad_query_options() => RunAsync(5, ReadCase);

    [Fact]
    public Task Byte_level_mutations_of_valid_bodies() => RunAsync(6, MutationCase);

    private sealed record BadRequest(string What, HttpRequestMessage Message);

    // Byte sequences no UTF-8 encoder writes: a stray continuation byte, a lead byte without its
    // continuation, an overlong '/', a UTF-16 surrogate, a code point past U+10FFFF, and 0xFF.
    private static readonly byte[][] InvalidUtf8 = [[0x80], [0xC3], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF], [0xE4, 0xB8]];

    /// <summary>A valid body of each API, then broken at the byte level: invalid UTF-8 anywhere, cut short, a key given twice.</summary>
    private BadRequest MutationCase(Random r)
    {
        var at = app.InsidePoint(r.Next(3));
        var time = IngestionApp.Iso(DateTimeOffset.UtcNow.AddMinutes(-r.Next(1, 600)));
        var ds = IngestionApp.SensorIds[r.Next(IngestionApp.SensorIds.Count)];
        var observation = $$$"""{"phenomenonTime":"{{{time}}}","result":{{{F(r.NextDouble() * 100)}}},"Datastream":{"@iot.id":"{{{ds}}}"}}""";
        var batch = $$$"""[{"Datastream":{"@iot.id":"{{{ds}}}"},"components":["phenomenonTime","result"],"dataArray":[["{{{time}}}",{{{F(r.NextDouble() * 100)}}}]]}]""";
        var form = $"api_key={IngestionApp.Key}&service_code=noise&lat={F(at.Lat)}&long={F(at.Lon)}&description={Uri.EscapeDataString("夜间施工噪声扰民")}";
        var cap = CapSamples.Thunderstorm($"MUT-{r.Next()}", at);
        var targets = new (string Path, string Body, string ContentType, bool Key, string? RepeatedKey)[]
        {
            ("/open311/v2/requests.json", form, "application/x-www-form-urlencoded", false, null),
            ("/sta/v1.1/Observations", observation, "application/json", true, "\"result\":"),
            ("/sta/v1.1/CreateObservations", batch, "application/json", true, "\"components\":"),
            ("/api/alerts/cap", cap, "application/cap+xml", true, null),
        };
        var (path, body, contentType, key, repeatedKey) = targets[r.Next(targets.Length)];
        var bytes = Encoding.UTF8.GetBytes(body);
        var mutation = r.Next(repeatedKey is not null ? 3 : contentType == "application/cap+xml" ? 2 : 1);
        switch (mutation)
        {
            case 0:
                var at0 = r.Next(bytes.Length + 1);
                var bad = InvalidUtf8[r.Next(InvalidUtf8.Length)];
                return new($"{path} invalid UTF-8 {Convert.ToHexString(bad)} at {at0}", RawBytes(path, [.. bytes[..at0], .. bad, .. bytes[at0..]], contentType, key));
            case 1:
                // Cut inside the document so that it cannot be complete (CAP and JSON only: a cut form is still a form).
                var cut = r.Next(1, bytes.Length - 2);
                return new($"{path} truncated at {cut}", RawBytes(path, bytes[..cut], contentType, key));
            default:
                var twice = body.Replace(repeatedKey!, repeatedKey + "[\"result\"]," + repeatedKey, StringComparison.Ordinal);
                return new($"{path} duplicate key", Raw(path, twice, contentType, key));
        }
    }

    private async Task RunAsync(int seed, Func<Random, BadRequest> generate)
    {
        var before = Tables.ToDictionary(t => t, app.Count);
        var random = new Random(seed);
        var cases = Enumerable.Range(0, PerEndpoint).Select(_ => generate(random)).ToList();
        var client = app.CreateClient();
        var failures = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (bad, ct) =>
        {
            using var response = await client.SendAsync(bad.Message, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            var status = (int)response.StatusCode;
            if (status is < 400 or > 499 || Message(response, body) is not { Length: > 0 })
            {
                failures.Add($"{bad.What} → {status} {body[..Math.Min(body.Length, 300)]}");
            }
        });

        Assert.True(failures.IsEmpty, $"{failures.Count} of {cases.Count} bad inputs were not a clear 4xx:\n{string.Join("\n", failures.Take(15))}");
        Assert.Equal(before, Tables.ToDictionary(t => t, app.Count));
    }

    /// <summary>The human message: problem details' detail, or GeoReport's description (JSON or XML).</summary>
    private static string? Message(HttpResponseMessage response, string body)
    {
        try
        {
            if (response.Content.Headers.ContentType?.MediaType == "text/xml")
            {
                return System.Xml.Linq.XDocument.Parse(body).Root?.Element("error")?.Element("description")?.Value;
            }

            var root = JsonDocument.Parse(body).RootElement;
            return response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                ? root.GetProperty("detail").GetString()
                : root[0].GetProperty("description").GetString();
        }
        catch (Exception ex) when (ex is JsonException or System.Xml.XmlException or InvalidOperationException or KeyNotFoundException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    // ---- Open311 -------------------------------------------------------------------------------

    private BadRequest Open311Case(Random r)
    {
        var at = app.InsidePoint(r.Next(3));
        var form = new List<(string, string)>
        {
            ("api_key", IngestionApp.Key), ("service_code", "noise"), ("lat", F(at.Lat)), ("long", F(at.Lon)), ("description", Words(r)),
        };
        var defects = new (string, Func<HttpRequestMessage>)[]
        {
            ("no service_code", () => Post311(Without(form, "service_code"))),
            ("unknown service_code", () => Post311(With(form, "service_code", Garbage(r, 12)))),
            ("lat NaN", () => Post311(With(form, "lat", "NaN"))),
            ("long Infinity", () => Post311(With(form, "long", "Infinity"))),
            ("lat text", () => Post311(With(form, "lat", Garbage(r, 6)))),
            ("lat out of range", () => Post311(With(form, "lat", F(90 + r.NextDouble() * 1000)))),
            ("long out of range", () => Post311(With(form, "long", F(-180 - r.NextDouble() * 1000)))),
            ("only lat", () => Post311(Without(form, "long"))),
            ("no location", () => Post311(Without(Without(form, "lat"), "long"))),
            ("outside Putuo", () => Post311(With(With(form, "lat", F(39.9 + r.NextDouble())), "long", F(116.3 + r.NextDouble())))),
            ("unknown address", () => Post311(With(Without(Without(form, "lat"), "long"), "address_string", "1234 5th street"))),
            ("wrong datum", () => Post311(With(form, "datum", r.Next(2) == 0 ? "bd09" : Garbage(r, 5)))),
            ("gcj02 far away", () => Post311(With(With(With(form, "datum", "gcj02"), "lat", "0"), "long", "0"))),
            ("bad phone", () => Post311(With(form, "phone", "call-me-" + Garbage(r, 4)))),
            ("bad email", () => Post311(With(form, "email", "no-at-sign"))),
            ("bad media_url", () => Post311(With(form, "media_url", "ftp://x/" + Garbage(r, 4)))),
            ("unknown attribute", () => Post311(With(form, $"attribute[{Garbage(r, 5)}]", "1"))),
            ("bad priority", () => Post311(With(form, "attribute[priority]", "extreme"))),
            ("duplicate field", () => Post311([.. form, ("service_code", "noise")])),
            ("too long", () => Post311(With(form, "description", new string('长', 4001)))),
            ("control characters", () => Post311(With(form, "description", "a\u0001b"))),
            ("no key", () => Post311(Without(form, "api_key"))),
            ("wrong key", () => Post311(With(form, "api_key", Garbage(r, 20)))),
            ("json body", () => Raw("/open311/v2/requests.json", "{\"service_code\":\"noise\"}", "application/json", key: true)),
            ("random bytes", () => RawBytes("/open311/v2/requests.json", Bytes(r, 200), "application/x-www-form-urlencoded", key: true)),
            ("huge body", () => Raw("/open311/v2/requests.json", "api_key=" + IngestionApp.Key + "&description=" + new string('x', 70_000), "application/x-www-form-urlencoded", key: false)),
            ("bad format", () => Post311(form, "csv")),
        };
        var (what, make) = defects[r.Next(defects.Length)];
        return new BadRequest("open311 " + what, make());
    }

    private static HttpRequestMessage Post311(List<(string Key, string Value)> form, string format = "json") =>
        new(HttpMethod.Post, $"/open311/v2/requests.{format}") { Content = IngestionApp.Form([.. form]) };

    // ---- SensorThings: one observation ------------------------------------------------------------

    private BadRequest ObservationCase(Random r)
    {
        var time = IngestionApp.Iso(DateTimeOffset.UtcNow.AddMinutes(-r.Next(1, 600)));
        var ds = IngestionApp.SensorIds[r.Next(IngestionApp.SensorIds.Count)];
        var valid = $$$"""{"phenomenonTime":"{{{time}}}","result":{{{F(r.NextDouble() * 100)}}},"Datastream":{"@iot.id":"{{{ds}}}"}}""";
        var defects = new (string, Func<string>)[]
        {
            ("truncated JSON", () => valid[..r.Next(1, valid.Length - 1)]),
            ("random bytes", () => Encoding.Latin1.GetString(Bytes(r, 100))),
            ("not an object", () => new[] { "null", "123", "\"x\"", "[]", "true" }[r.Next(5)]),
            ("result as string", () => valid.Replace("\"result\":", "\"result\":\"", StringComparison.Ordinal).Replace(",\"Datastream", "\",\"Datastream", StringComparison.Ordinal)),
            ("result NaN literal", () => $$$"""{"phenomenonTime":"{{{time}}}","result":NaN,"Datastream":{"@iot.id":"{{{ds}}}"}}"""),
            ("result huge", () => $$$"""{"phenomenonTime":"{{{time}}}","result":1e400,"Datastream":{"@iot.id":"{{{ds}}}"}}"""),
            ("result wrong type", () => $$$"""{"phenomenonTime":"{{{time}}}","result":{{new[] { "true", "null", "{}", "[1]" }[r.Next(4)]}},"Datastream":{"@iot.id":"{{{ds}}}"}}"""),
            ("no result", () => $$$"""{"phenomenonTime":"{{{time}}}","Datastream":{"@iot.id":"{{{ds}}}"}}"""),
            ("no time", () => $$$"""{"result":1,"Datastream":{"@iot.id":"{{{ds}}}"}}"""),
            ("time without zone", () => valid.Replace("Z\"", "\"", StringComparison.Ordinal)),
            ("time nonsense", () => $$$"""{"phenomenonTime":"{{{Garbage(r, 10)}}}","result":1,"Datastream":{"@iot.id":"{{{ds}}}"}}"""),
            ("time interval", () => $$$"""{"phenomenonTime":"{{{time}}}/{{{time}}}","result":1,"Datastream":{"@iot.id":"{{{ds}}}"}}"""),
            ("time as number", () => $$$"""{"phenomenonTime":{{{r.Next()}}},"result":1,"Datastream":{"@iot.id":"{{{ds}}}"}}"""),
            ("time before 1970", () => $$$"""{"phenomenonTime":"1900-01-01T00:00:00Z","result":1,"Datastream":{"@iot.id":"{{{ds}}}"}}"""),
            ("time in the future", () => $$$"""{"phenomenonTime":"2100-01-01T00:00:00Z","result":1,"Datastream":{"@iot.id":"{{{ds}}}"}}"""),
            ("no datastream", () => $$$"""{"phenomenonTime":"{{{time}}}","result":1}"""),
            ("datastream wrong type", () => $$$"""{"phenomenonTime":"{{{time}}}","result":1,"Datastream":"{{{ds}}}"}"""),
            ("datastream id object", () => $$$"""{"phenomenonTime":"{{{time}}}","result":1,"Datastream":{"@iot.id":{ } } }"""),
            ("unknown datastream", () => $$$"""{"phenomenonTime":"{{{time}}}","result":1,"Datastream":{"@iot.id":"S-{{{Garbage(r, 6)}}}"}}"""),
            ("battery out of range", () => $$$"""{"phenomenonTime":"{{{time}}}","result":1,"parameters":{"batteryPercent":{{{100 + r.Next(1, 1000)}}} },"Datastream":{"@iot.id":"{{{ds}}}"}}"""),
            ("parameters wrong type", () => $$$"""{"phenomenonTime":"{{{time}}}","result":1,"parameters":"x","Datastream":{"@iot.id":"{{{ds}}}"}}"""),
            ("deep nesting", () => $$$"""{"phenomenonTime":"{{{time}}}","result":1,"Datastream":{"@iot.id":"{{{ds}}}"},"x":{{{new string('[', 100)}}}{{{new string(']', 100)}}} }"""),
            ("huge body", () => $$$"""{"phenomenonTime":"{{{time}}}","result":1,"Datastream":{"@iot.id":"{{{ds}}}"},"pad":"{{{new string('x', 70_000)}}}"}"""),
        };
        var (what, make) = defects[r.Next(defects.Length)];
        var path = r.Next(4) == 0 ? $"/sta/v1.1/Datastreams('{ds}')/Observations" : "/sta/v1.1/Observations";
        if (what == "no datastream")
        {
            path = "/sta/v1.1/Observations";
        }

        var request = r.Next(30) == 0
            ? (what: "no key", message: Raw(path, valid, "application/json", key: false))
            : r.Next(30) == 0
                ? (what: "text/plain", message: Raw(path, valid, "text/plain", key: true))
                : (what, message: Raw(path, make(), "application/json", key: true));
        return new BadRequest("observation " + request.what, request.message);
    }

    // ---- SensorThings: CreateObservations ----------------------------------------------------------

    private BadRequest BatchCase(Random r)
    {
        string Row(int minutesAgo) => $"[\"{IngestionApp.Iso(DateTimeOffset.UtcNow.AddDays(-2).AddMinutes(-minutesAgo))}\", {F(r.NextDouble() * 100)}]";
        var ds = IngestionApp.SensorIds[r.Next(IngestionApp.SensorIds.Count)];
        var goodRows = Enumerable.Range(0, r.Next(1, 50)).Select(i => Row(i)).ToList();
        string Batch(string rows, string components = "[\"phenomenonTime\",\"result\"]", string id = "", string extra = "") =>
            $$$"""[{"Datastream":{"@iot.id":"{{{(id.Length > 0 ? id : ds)}}}"},"components":{{{components}}},"dataArray":[{{{rows}}}]{{{extra}}} }]""";
        var defects = new (string, Func<string>)[]
        {
            ("truncated", () => { var b = Batch(string.Join(",", goodRows)); return b[..r.Next(1, b.Length - 1)]; }),
            ("not an array", () => "{\"Datastream\":{}}"),
            ("empty array", () => "[]"),
            ("one bad row among good", () => Batch(string.Join(",", goodRows.Append("[\"yesterday\", 1]").OrderBy(_ => r.Next())))),
            ("one NaN-ish row among good", () => Batch(string.Join(",", goodRows.Append($"[\"{IngestionApp.Iso(DateTimeOffset.UtcNow.AddDays(-3))}\", \"NaN\"]")))),
            ("row too short", () => Batch(string.Join(",", goodRows.Append("[\"2026-01-01T00:00:00Z\"]")))),
            ("row not an array", () => Batch(string.Join(",", goodRows.Append("{}")))),
            ("no result component", () => Batch(string.Join(",", goodRows), "[\"phenomenonTime\"]")),
            ("unknown component", () => Batch(string.Join(",", goodRows), "[\"phenomenonTime\",\"result\",\"colour\"]")),
            ("components wrong type", () => Batch(string.Join(",", goodRows), "\"phenomenonTime,result\"")),
            ("count mismatch", () => Batch(string.Join(",", goodRows), extra: $",\"dataArray@iot.count\":{goodRows.Count + 1}")),
            ("unknown datastream", () => Batch(string.Join(",", goodRows), id: "S-" + Garbage(r, 8))),
            ("no datastream", () => $$$"""[{"components":["phenomenonTime","result"],"dataArray":[{{{goodRows[0]}}}]}]"""),
            ("random bytes", () => Encoding.Latin1.GetString(Bytes(r, 300))),
            ("huge body", () => Batch(string.Join(",", Enumerable.Repeat(goodRows[0], 60_000)))),
        };
        var (what, make) = defects[r.Next(defects.Length)];
        return new BadRequest("batch " + what, Raw("/sta/v1.1/CreateObservations", make(), "application/json", key: r.Next(40) != 0));
    }

    // ---- CAP -------------------------------------------------------------------------------------------

    private BadRequest CapCase(Random r)
    {
        var id = "CORPUS-" + r.Next();
        var valid = CapSamples.Thunderstorm(id, app.InsidePoint(r.Next(3)));
        string Swap(string element, string value) =>
            System.Text.RegularExpressions.Regex.Replace(valid, $"<{element}>[^<]*</{element}>", value.Length == 0 ? "" : $"<{element}>{value}</{element}>");
        var defects = new (string, Func<string>, string)[]
        {
            ("truncated", () => valid[..r.Next(1, valid.Length - 10)], ""),
            ("random bytes", () => Encoding.Latin1.GetString(Bytes(r, 300)), ""),
            ("XXE", () => "<?xml version=\"1.0\"?><!DOCTYPE alert [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">&x;</alert>", ""),
            ("wrong namespace", () => valid.Replace("cap:1.2", "cap:1.1", StringComparison.Ordinal), ""),
            ("no identifier", () => Swap("identifier", ""), ""),
            ("identifier with space", () => Swap("identifier", "A B"), ""),
            ("no sender", () => Swap("sender", ""), ""),
            ("sent without offset", () => Swap("sent", "2003-06-17T14:57:00"), ""),
            ("sent nonsense", () => Swap("sent", Garbage(r, 8)), ""),
            ("bad status", () => Swap("status", "Maybe"), ""),
            ("test status", () => Swap("status", "Test"), ""),
            ("bad msgType", () => Swap("msgType", "Shout"), ""),
            ("ack msgType", () => Swap("msgType", "Ack"), ""),
            ("update without references", () => Swap("msgType", "Update"), ""),
            ("no scope", () => Swap("scope", ""), ""),
            ("no category", () => Swap("category", ""), ""),
            ("no event", () => Swap("event", ""), ""),
            ("bad urgency", () => Swap("urgency", "Now"), ""),
            ("bad severity", () => Swap("severity", "Bad"), ""),
            ("bad certainty", () => Swap("certainty", "Very Likely"), ""),
            ("polygon of three", () => Swap("polygon", "31.2,121.4 31.3,121.4 31.2,121.4"), ""),
            ("polygon not closed", () => Swap("polygon", "31.2,121.4 31.3,121.4 31.3,121.5 31.2,121.5"), ""),
            ("polygon NaN", () => Swap("polygon", "NaN,NaN 31.3,121.4 31.3,121.5 NaN,NaN"), ""),
            ("lat out of range", () => Swap("polygon", "95,121.4 31.3,121.4 31.3,121.5 95,121.4"), ""),
            ("polygon outside Putuo", () => Swap("polygon", "0,0 0,1 1,1 0,0"), ""),
            ("bow-tie polygon", () => Swap("polygon", BowTie(app.InsidePoint(1))), ""),
            ("no geometry", () => Swap("polygon", ""), ""),
            ("circle negative", () => Swap("polygon", "").Replace("<areaDesc>", "<circle>31.24,121.43 -1</circle><areaDesc>", StringComparison.Ordinal), ""),
            ("circle garbage", () => Swap("polygon", "").Replace("</areaDesc>", "</areaDesc><circle>" + Garbage(r, 10) + "</circle>", StringComparison.Ordinal), ""),
            ("wrong datum", () => valid, "?datum=bd09"),
            ("cancel of nothing", () => CapSamples.Cancel("corpus@x", id, $"corpus@x,NEVER-{r.Next()},2026-11-30T10:00:00+08:00"), ""),
            ("huge body", () => valid.Replace("<description>", "<description>" + new string('x', 70_000), StringComparison.Ordinal), ""),
        };
        var (what, make, query) = defects[r.Next(defects.Length)];
        var contentType = r.Next(40) == 0 ? "application/json" : "application/cap+xml";
        return new BadRequest($"cap {what} ({contentType})", Raw(CapEndpointsPath + query, make(), contentType, key: r.Next(40) != 0));
    }

    private const string CapEndpointsPath = "/api/alerts/cap";

    // ---- reads ------------------------------------------------------------------------------------------

    private static BadRequest ReadCase(Random r)
    {
        var paths = new[]
        {
            $"/sta/v1.1/Things('S-{Garbage(r, 6)}')",
            $"/sta/v1.1/Datastreams('{Garbage(r, 6)}')/Observations",
            $"/sta/v1.1/Observations({r.Next(1_000_000, int.MaxValue)})",
            $"/sta/v1.1/Observations({Garbage(r, 4)})",
            $"/sta/v1.1/Sensors('{Garbage(r, 5)}')",
            $"/sta/v1.1/Observations?$top=-{r.Next(1, 9)}",
            $"/sta/v1.1/Observations?$top=x{Garbage(r, 3)}",
            $"/sta/v1.1/Observations?$select=result",
            $"/sta/v1.1/Observations?$count=maybe",
            $"/sta/v1.1/Observations?$orderby=colour",
            $"/sta/v1.1/Observations?$expand=Thing",
            $"/sta/v1.1/Things?$filter=name eq 'x'",
            "/sta/v1.1/Observations?$filter=" + Uri.EscapeDataString(new[] { "result gt", "result gt 'abc'", "(result gt 1", "phenomenonTime lt yesterday", "colour eq 1", "result gt 1 and", new string('(', 100) + "result gt 1" + new string(')', 100) }[r.Next(7)]),
            $"/open311/v2/requests/O311-{Garbage(r, 8)}.json",
            $"/open311/v2/requests/T-{r.Next()}.xml",
            $"/open311/v2/services/{Garbage(r, 6)}.json",
            "/open311/v2/requests.json?status=" + Garbage(r, 5),
            "/open311/v2/requests.json?start_date=" + Garbage(r, 5),
            "/open311/v2/requests.json?start_date=2026-11-30T00:00:00Z&end_date=2026-11-01T00:00:00Z",
        };
        var path = paths[r.Next(paths.Length)];
        return new BadRequest("read " + path, new HttpRequestMessage(HttpMethod.Get, path));
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private static HttpRequestMessage Raw(string path, string body, string contentType, bool key) =>
        RawBytes(path, Encoding.UTF8.GetBytes(body), contentType, key);

    private static HttpRequestMessage RawBytes(string path, byte[] body, string contentType, bool key)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        message.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        if (key)
        {
            message.Headers.Add("X-Api-Key", IngestionApp.Key);
        }

        return message;
    }

    private static List<(string Key, string Value)> With(List<(string Key, string Value)> form, string key, string value) =>
        [.. form.Where(f => f.Key != key), (key, value)];

    private static List<(string Key, string Value)> Without(List<(string Key, string Value)> form, string key) =>
        [.. form.Where(f => f.Key != key)];

    private static string BowTie(Twin.Domain.Geography.GeoPoint c) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{c.Lat - 0.01:F6},{c.Lon - 0.01:F6} {c.Lat + 0.01:F6},{c.Lon + 0.01:F6} {c.Lat - 0.01:F6},{c.Lon + 0.01:F6} {c.Lat + 0.01:F6},{c.Lon - 0.01:F6} {c.Lat - 0.01:F6},{c.Lon - 0.01:F6}");

    private static string F(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Words(Random r) => string.Join(' ', Enumerable.Range(0, r.Next(1, 8)).Select(_ => Garbage(r, r.Next(2, 8))));

    private static string Garbage(Random r, int length) =>
        new(Enumerable.Range(0, length).Select(_ => "abcdefghijklmnopqrstuvwxyz0123456789"[r.Next(36)]).ToArray());

    private static byte[] Bytes(Random r, int length)
    {
        var bytes = new byte[length];
        r.NextBytes(bytes);
        return bytes;
    }
}
