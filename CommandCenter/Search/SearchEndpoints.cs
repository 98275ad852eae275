using System.Globalization;
using System.Text.Json;
using CommandCenter.Security;
using Twin.Data.Boundary;
using Twin.Data.Search;
using Twin.Domain.Tickets;

namespace CommandCenter.Search;

/// <summary>
/// <c>GET /api/search</c>: the console's search over every stored ticket and the district's places,
/// for the console's roles, within the signed-in account's organisation. Each bad parameter is a 400 problem (RFC 9457) naming it; results carry
/// the de-identified ticket fields only, never a reporter.
/// </summary>
public static class SearchEndpoints
{
    public const string Path = "/api/search";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapSearch(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, async (HttpRequest request, ITwinQueries queries, SignedInScope scopes, CancellationToken ct) =>
            {
                var parsed = SearchRequest.Parse(request.Query);
                if (parsed.Problem is { } problem)
                {
                    return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: problem.Title, detail: problem.Detail,
                        extensions: new Dictionary<string, object?> { ["error"] = problem.Code });
                }

                var result = await queries.SearchAsync(parsed.Query!, await scopes.OfAsync(request.HttpContext.User, ct), ct);
                return Results.Json(new
                {
                    result.Total,

                    // True when more tickets match than are counted: the total and the facets are then lower bounds.
                    result.TotalIsLowerBound,
                    Hits = result.Hits.Select(h => new
                    {
                        h.Id,
                        h.Title,
                        h.Address,
                        Channel = h.Channel.ToString(),
                        Category = h.CategoryCode,
                        Status = h.Status.ToString(),
                        SubDistrict = h.SubDistrictCode,
                        h.Lon,
                        h.Lat,
                        h.ReportedAt,
                        h.ClosedAt,
                        Url = SearchRequest.TicketUrl(h.Id),
                    }),
                    Facets = new { Status = result.ByStatus, Channel = result.ByChannel, SubDistrict = result.BySubDistrict },
                    result.Places,
                    Alarms = result.Alarms.Select(a => new
                    {
                        a.Id,
                        Source = a.Source.ToString(),
                        a.Kind,
                        Severity = a.Severity.ToString(),
                        a.Title,
                        SubDistrict = a.SubDistrictCode,
                        a.Lon,
                        a.Lat,
                        a.RaisedAt,
                        a.AcknowledgedAt,
                        a.ClearedAt,
                        a.SensorId,
                    }),
                    Sensors = result.Sensors.Select(s => new
                    {
                        s.Id,
                        Kind = s.Kind.ToString(),
                        s.Name,
                        s.Unit,
                        SubDistrict = s.SubDistrictCode,
                        Corridor = s.InCorridor,
                        s.Lon,
                        s.Lat,
                        s.LastValue,
                        State = s.ValueState.ToString(),
                    }),
                }, Json);
            })
            .RequireAuthorization(Policies.UseConsole)
            .WithTags("Search")
            .WithSummary("Search every stored ticket (any age), alarm, sensor and place: q (1–100 characters, one phrase), types (tickets, alarms, sensors, places, comma-separated; all by default), from/to (ISO 8601, report time; an alarm's raising), channel, category, status, subdistrict, corridor, overdue (true/false), sort (relevance|time), limit (1–200). Tickets are counted up to 1,000: beyond, totalIsLowerBound is true and the total and facets count the newest 1,000.")
            .Produces<System.Text.Json.Nodes.JsonObject>(200).ProducesProblem(400).ProducesProblem(401).ProducesProblem(403);
        return endpoints;
    }
}

/// <summary>A refused search parameter: a stable code, and a bilingual title and detail.</summary>
public sealed record SearchProblem(string Code, string Title, string Detail);

/// <summary>The search query read from a query string, or why it cannot be.</summary>
public sealed record SearchRequest(SearchQuery? Query, SearchProblem? Problem)
{
    public static string TicketUrl(string id) => "/console/tickets/" + Uri.EscapeDataString(id);

    public static SearchRequest Parse(IQueryCollection query)
    {
        string? Value(string name) => query.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString().Trim() : null;

        var problem = default(SearchProblem);
        DateTimeOffset? Time(string name)
        {
            if (Value(name) is not { } text)
            {
                return null;
            }

            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                return at;
            }

            problem ??= Bad($"bad-{name}", "日期无法识别 · Bad date", $"{name}: 请用 ISO 8601 日期时间 · use an ISO 8601 date or time, e.g. 2026-06-10T08:00:00+08:00");
            return null;
        }

        T? Enum<T>(string name)
            where T : struct, Enum
        {
            if (Value(name) is not { } text)
            {
                return null;
            }

            if (!text.Any(char.IsAsciiDigit) && System.Enum.TryParse<T>(text, ignoreCase: true, out var value))
            {
                return value;
            }

            problem ??= Bad($"bad-{name}", "筛选条件无法识别 · Unknown filter value",
                $"{name}: {string.Join(", ", System.Enum.GetNames<T>())}");
            return null;
        }

        bool? Flag(string name)
        {
            if (Value(name) is not { } text)
            {
                return null;
            }

            if (bool.TryParse(text, out var flag))
            {
                return flag;
            }

            problem ??= Bad($"bad-{name}", "筛选条件无法识别 · Unknown filter value", $"{name}: true, false");
            return null;
        }

        var limit = 50;
        if (Value("limit") is { } limitText && !int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit))
        {
            problem ??= Bad("bad-limit", "条数无法识别 · Bad limit", $"limit: 1–{SearchQuery.MaxLimit}");
        }

        var scope = SearchScope.All;
        if (Value("types") is { } typesText)
        {
            scope = 0;
            foreach (var type in typesText.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (type.Any(char.IsAsciiDigit) || !System.Enum.TryParse<SearchScope>(type, ignoreCase: true, out var one) || one == SearchScope.All)
                {
                    problem ??= Bad("bad-types", "搜索范围无法识别 · Unknown result type", "types: tickets, alarms, sensors, places");
                    scope = SearchScope.All;
                    break;
                }

                scope |= one;
            }
        }

        var search = new SearchQuery(query.TryGetValue("q", out var q) ? q.ToString() : string.Empty)
        {
            From = Time("from"),
            To = Time("to"),
            Channel = Enum<TicketChannel>("channel"),
            Status = Enum<TicketStatus>("status"),
            Sort = Enum<SearchSort>("sort") ?? SearchSort.Relevance,
            CategoryCode = Value("category"),
            SubDistrictCode = Value("subdistrict"),
            InCorridor = Flag("corridor"),
            Overdue = Flag("overdue"),
            Limit = limit,
            Scope = scope,
        };

        problem ??= search.Validate() switch
        {
            SearchQueryError.Empty => Bad("empty", "请输入搜索内容 · Empty query", "q: 1–100 个字符 · 1–100 characters"),
            SearchQueryError.TooLong => Bad("too-long", "搜索内容过长 · Query too long", $"q: 最多 {SearchQuery.MaxLength} 个字符 · at most {SearchQuery.MaxLength} characters"),
            SearchQueryError.UnbalancedQuotes => Bad("unbalanced-quotes", "引号不成对 · Unbalanced quotes", "q: 引号须成对 · quotes must come in pairs"),
            SearchQueryError.FromAfterTo => Bad("from-after-to", "起止时间颠倒 · From after to", "from 须早于 to · from must not be after to"),
            SearchQueryError.BadLimit => Bad("bad-limit", "条数无法识别 · Bad limit", $"limit: 1–{SearchQuery.MaxLimit}"),
            SearchQueryError.NoScope => Bad("bad-types", "搜索范围无法识别 · Unknown result type", "types: tickets, alarms, sensors, places"),
            _ => null,
        };
        return problem is null ? new SearchRequest(search, null) : new SearchRequest(null, problem);
    }

    private static SearchProblem Bad(string code, string title, string detail) => new(code, title, detail);
}
