using System.Globalization;
using System.Net;
using System.Text.Json;
using CommandCenter.Security;
using CommandCenter.Tests.Ingestion;
using CommandCenter.Tests.Support;

namespace CommandCenter.Tests.Search;

/// <summary><c>GET /api/search</c> through the real app: finds a report by its words, never by its reporter; refuses bad queries with problem details.</summary>
public sealed class SearchApiTests(IngestionApp app) : IClassFixture<IngestionApp>
{
    private const string Phone = "13812345678";
    private const string Name = "李雪梅";

    [Fact]
    public async Task A_report_is_found_by_its_words_and_a_date_range_but_never_by_its_reporter()
    {
        var id = await ReportAsync();
        using var officer = await app.SignInAsync(Roles.Officer);
        var today = DateTimeOffset.UtcNow;

        foreach (var words in new[] { "积水", "长寿路", "路面积水" })
        {
            var body = await SearchAsync(officer.Client, $"q={Uri.EscapeDataString(words)}&from={Stamp(today.AddDays(-1))}&to={Stamp(today.AddDays(1))}");
            Assert.Contains(Ids(body), i => i == id);
            Assert.DoesNotContain(Phone, body.GetRawText(), StringComparison.Ordinal);
            Assert.DoesNotContain(Name, body.GetRawText(), StringComparison.Ordinal);
        }

        // A day's few matches are all counted: the API says its total is exact.
        var day = await SearchAsync(officer.Client, $"q={Uri.EscapeDataString("路面积水")}&from={Stamp(today.AddDays(-1))}&to={Stamp(today.AddDays(1))}");
        Assert.False(day.GetProperty("totalIsLowerBound").GetBoolean());
        Assert.Equal(Ids(day).Count, day.GetProperty("total").GetInt32());

        var hit = Ids(await SearchAsync(officer.Client, "q=" + Uri.EscapeDataString("积水"))).Single(i => i == id);
        Assert.Equal(id, hit);
        Assert.DoesNotContain(id, Ids(await SearchAsync(officer.Client, $"q={Uri.EscapeDataString("路面积水")}&to={Stamp(today.AddDays(-2))}")));
        Assert.Empty(Ids(await SearchAsync(officer.Client, "q=" + Phone)));
        Assert.Empty(Ids(await SearchAsync(officer.Client, "q=" + Uri.EscapeDataString(Name))));

        using var leader = await app.SignInAsync(Roles.Leader);
        Assert.Contains(id, Ids(await SearchAsync(leader.Client, "q=" + Uri.EscapeDataString("长寿路") + "&sort=time&status=Discovered")));
    }

    [Theory]
    [InlineData("q=", "empty")]
    [InlineData("q=%20%20", "empty")]
    [InlineData("q=%22%E7%A7%AF%E6%B0%B4", "unbalanced-quotes")]
    [InlineData("q=%E7%A7%AF%E6%B0%B4&from=2026-06-10&to=2026-06-01", "from-after-to")]
    [InlineData("q=%E7%A7%AF%E6%B0%B4&from=yesterday", "bad-from")]
    [InlineData("q=%E7%A7%AF%E6%B0%B4&status=Lost", "bad-status")]
    [InlineData("q=%E7%A7%AF%E6%B0%B4&channel=3", "bad-channel")]
    [InlineData("q=%E7%A7%AF%E6%B0%B4&limit=100000", "bad-limit")]
    [InlineData("q=%E7%A7%AF%E6%B0%B4&sort=best", "bad-sort")]
    [InlineData("q=%E7%A7%AF%E6%B0%B4&types=drones", "bad-types")]
    [InlineData("q=%E7%A7%AF%E6%B0%B4&types=tickets,2", "bad-types")]
    public async Task Bad_queries_get_problem_details_naming_the_error(string queryString, string error)
    {
        using var officer = await app.SignInAsync(Roles.Officer);
        var response = await officer.Client.GetAsync(SearchEndpointsPath + "?" + queryString);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal(error, problem.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_query_of_more_than_100_characters_is_refused()
    {
        using var officer = await app.SignInAsync(Roles.Officer);
        var response = await officer.Client.GetAsync(SearchEndpointsPath + "?q=" + Uri.EscapeDataString(new string('水', 101)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("too-long", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
    }

    private const string SearchEndpointsPath = CommandCenter.Search.SearchEndpoints.Path;

    private async Task<string> ReportAsync()
    {
        var at = app.InsidePoint();
        var response = await app.CreateClient().PostAsync("/open311/v2/requests.json", IngestionApp.Form(
            ("api_key", IngestionApp.Key), ("service_code", "road-damage"),
            ("lat", at.Lat.ToString("R", CultureInfo.InvariantCulture)), ("long", at.Lon.ToString("R", CultureInfo.InvariantCulture)),
            ("address_string", "普陀区长寿路 300 号"),
            ("description", $"长寿路路面积水严重，我是{Name}，电话{Phone}"), ("first_name", "雪梅"), ("last_name", "李"), ("phone", Phone)));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement[0].GetProperty("service_request_id").GetString()!;
        await Eventually.Until(() => app.Count($"tickets WHERE id = '{id}'") == 1, "the reported ticket is stored");
        return id;
    }

    private static async Task<JsonElement> SearchAsync(HttpClient client, string queryString)
    {
        var response = await client.GetAsync(SearchEndpointsPath + "?" + queryString);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static List<string> Ids(JsonElement body) =>
        body.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()!).ToList();

    private static string Stamp(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O", CultureInfo.InvariantCulture));
}
