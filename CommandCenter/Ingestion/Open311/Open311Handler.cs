using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CommandCenter.Ingestion.Common;
using Microsoft.Extensions.Primitives;
using Twin.Data.Boundary;
using Twin.Domain.Catalogue;
using Twin.Domain.Engine;
using Twin.Domain.Geography;
using Twin.Domain.Tickets;
using Twin.Domain.Time;

namespace CommandCenter.Ingestion.Open311;

/// <summary>
/// GeoReport v2 over the twin: services are the event catalogue's categories, a service request
/// is a ticket (channel 随申拍, the citizen app channel) whose id starts with <see cref="IdPrefix"/>.
/// </summary>
public sealed class Open311Handler(ITwinCommands commands, ITwinQueries queries, EventCatalogue catalogue, DistrictMap district, TwinClock clock)
{
    /// <summary>Keeps requests apart from simulated tickets: the simulator never adopts an id with this prefix.</summary>
    public const string IdPrefix = "O311-";

    private const int MaxResults = 1000;

    // Four decimals are about 10 m: enough to find the place, not the doorway.
    private const int PublicCoordinateDecimals = 4;
    private const string PriorityAttribute = "priority";

    private static readonly string[] PriorityValues = ["low", "normal", "high", "urgent"];

    private static readonly Dictionary<string, int> MaxLengths = new(StringComparer.Ordinal)
    {
        ["service_code"] = 64,
        ["description"] = 4000,
        ["address_string"] = 250,
        ["address_id"] = 100,
        ["email"] = 254,
        ["device_id"] = 100,
        ["account_id"] = 100,
        ["first_name"] = 50,
        ["last_name"] = 50,
        ["phone"] = 30,
        ["media_url"] = 2000,
        ["jurisdiction_id"] = 100,
        ["datum"] = 16,
    };

    public IResult Services(string format) =>
        Answer(format, "services", new Open311List("service", catalogue.Categories.Select(Service).ToList()));

    public IResult ServiceDefinition(HttpContext context, string code, string format)
    {
        if (catalogue.Find(code) is not { } category)
        {
            return IngestErrors.Error(context, 404, $"No service '{code}'; see services.{format}.");
        }

        var definition = new Dictionary<string, object?>
        {
            ["service_code"] = category.Code,
            ["attributes"] = new Open311List("attribute",
            [
                new Dictionary<string, object?>
                {
                    ["variable"] = true,
                    ["code"] = PriorityAttribute,
                    ["datatype"] = "singlevaluelist",
                    ["required"] = false,
                    ["datatype_description"] = $"Defaults to {category.DefaultPriority.ToString().ToLowerInvariant()}.",
                    ["order"] = 1,
                    ["description"] = "优先级 · How urgent the matter is",
                    ["values"] = new Open311List("value", PriorityValues.Select(v => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
                    {
                        ["key"] = v,
                        ["name"] = v,
                    }).ToList()),
                },
            ]),
        };
        return Answer(format, "service_definition", definition);
    }

    /// <summary>
    /// POST requests: validates the form, then reports the ticket and answers once it is on disk.
    /// The id is a hash of the source and the whole form, so a replayed request (a client retrying
    /// after a lost answer) finds its ticket instead of creating a second one: the writer checks
    /// the id before applying, so two copies racing each other cannot both create.
    /// </summary>
    public async Task<IResult> CreateAsync(HttpContext context, string format, CancellationToken ct)
    {
        var ingest = IngestRequest.Of(context);
        if (ingest.Form.Count == 0 && ingest.Body.Length > 0)
        {
            return IngestErrors.Error(context, 415, "Send the request as application/x-www-form-urlencoded, as GeoReport v2 specifies.");
        }

        if (Validate(ingest.Form, out var request) is { } problem)
        {
            return IngestErrors.Error(context, 400, problem);
        }

        var id = IdPrefix + RequestHash(ingest.Source!.Name, ingest.Form);
        var report = new TicketReport(
            id,

            // The source's own channel (a 12345 gateway files 12345热线 cases); the names were checked at start.
            ingest.Source.TicketChannel(out _) ?? TicketChannel.CitizenApp,
            request.Category.Code,
            request.Title,
            request.Description,
            request.Location,
            request.Address,
            null,
            new Reporter(request.ReporterName, request.Phone),
            clock.GetUtcNow(),
            request.Priority);
        var outcome = await commands.SubmitAsync(new ReportTicketCommand(report), ct);
        return outcome.Exists
            ? Created(format, outcome.Id!, replay: outcome.Replayed)
            : IngestErrors.Error(context, 400, outcome.Reason ?? "The request was refused.");
    }

    public async Task<IResult> QueryAsync(HttpContext context, string format, CancellationToken ct)
    {
        var query = context.Request.Query;
        var now = clock.GetUtcNow();
        if (!TryTime(query["end_date"], now, out var to) || !TryTime(query["start_date"], to.AddDays(-90), out var from))
        {
            return IngestErrors.Error(context, 400, "start_date and end_date must be W3C date-times with an offset, e.g. 2026-11-30T08:00:00+08:00.");
        }

        if (from > to)
        {
            return IngestErrors.Error(context, 400, "start_date is after end_date.");
        }

        var ids = List(query["service_request_id"]);
        var codes = List(query["service_code"]);
        var statuses = new List<TicketStatus>();
        foreach (var status in List(query["status"]))
        {
            switch (status)
            {
                case "open":
                    statuses.AddRange(Enum.GetValues<TicketStatus>().Where(s => s.IsOpen()));
                    break;
                case "closed":
                    statuses.AddRange(Enum.GetValues<TicketStatus>().Where(s => !s.IsOpen()));
                    break;
                default:
                    return IngestErrors.Error(context, 400, $"status '{status}' is neither open nor closed.");
            }
        }

        if (ids.Count > MaxResults)
        {
            return IngestErrors.Error(context, 400, $"At most {MaxResults} service_request_id values.");
        }

        // The spec: when ids are given, the other filters do not apply.
        var tickets = ids.Count > 0
            ? await queries.QueryTicketsAsync(new TicketQuery(IdPrefix, ids, null, null, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, MaxResults), ct)
            : await queries.QueryTicketsAsync(new TicketQuery(IdPrefix, null, codes, statuses, from, to, MaxResults), ct);
        return Answer(format, "service_requests", new Open311List("request", tickets.Select(RequestView).ToList()));
    }

    public async Task<IResult> GetAsync(HttpContext context, string id, string format, CancellationToken ct)
    {
        if (!id.StartsWith(IdPrefix, StringComparison.Ordinal) || await queries.FindTicketAsync(id, ct) is not { } ticket)
        {
            return IngestErrors.Error(context, 404, $"No service request '{id}'.");
        }

        return Answer(format, "service_requests", new Open311List("request", [RequestView(ticket)]));
    }

    /// <summary>
    /// A ticket as a GeoReport request, as anyone may read it: the citizen's own text (masked),
    /// a public status text instead of officers' notes (which name colleagues and evidence), and the
    /// place rounded to about 10 m. The spec's contact fields are input only and never echoed.
    /// </summary>
    private IReadOnlyDictionary<string, object?> RequestView(TicketState t)
    {
        var category = catalogue.Find(t.CategoryCode);
        return new Dictionary<string, object?>
        {
            ["service_request_id"] = t.Id,
            ["status"] = t.Status.IsOpen() ? "open" : "closed",
            ["status_notes"] = t.Status.TextZh(),
            ["service_name"] = category?.NameZh ?? t.CategoryCode,
            ["service_code"] = t.CategoryCode,
            ["description"] = t.Description,
            ["agency_responsible"] = category?.Department,
            ["service_notice"] = null,
            ["requested_datetime"] = t.ReportedAt,
            ["updated_datetime"] = t.UpdatedAt,
            ["expected_datetime"] = category is null
                ? null
                : t.ReportedAt + category.TimeLimits.Dispatch + category.TimeLimits.Handle + category.TimeLimits.Review,
            ["address"] = t.Address,
            ["address_id"] = null,
            ["zipcode"] = null,
            ["lat"] = Math.Round(t.Location.Lat, PublicCoordinateDecimals),
            ["long"] = Math.Round(t.Location.Lon, PublicCoordinateDecimals),
            ["media_url"] = null,
        };
    }

    private string? Validate(Dictionary<string, StringValues> form, out ValidRequest request)
    {
        request = default!;
        foreach (var (key, values) in form)
        {
            if (values.Count > 1)
            {
                return $"'{key}' is given more than once.";
            }

            var value = values.ToString();
            if (MaxLengths.TryGetValue(key, out var max) && value.Length > max)
            {
                return $"'{key}' is longer than {max} characters.";
            }

            if (value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')) || value.Contains('\uFFFD'))
            {
                return $"'{key}' holds control characters or bytes that are not UTF-8.";
            }
        }

        string? Field(string name) => form.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.ToString().Trim() : null;

        if (Field("service_code") is not { } code)
        {
            return "service_code is required.";
        }

        if (catalogue.Find(code) is not { } category)
        {
            return $"service_code '{code}' is not a service of this server (see services.json).";
        }

        if (Datums.Parse(Field("datum"), out var datumProblem) is not { } datum)
        {
            return datumProblem;
        }

        var address = Field("address_string");
        GeoPoint location;
        var (latText, lonText) = (Field("lat"), Field("long"));
        if (latText is not null || lonText is not null)
        {
            if (latText is null || lonText is null)
            {
                return "lat and long go together: send both.";
            }

            if (!TryCoordinate(latText, 90, out var lat) || !TryCoordinate(lonText, 180, out var lon))
            {
                return "lat must be a number in [-90, 90] and long in [-180, 180] (decimal degrees).";
            }

            location = datum.ToWgs84(lon, lat);
        }
        else if (address is not null)
        {
            if (Locate(address) is not { } found)
            {
                return $"address_string '{address}' names no 街道 or 镇 of {district.Name}; send lat and long.";
            }

            location = found;
        }
        else
        {
            return Field("address_id") is not null
                ? "address_id is not supported here; send lat and long or address_string."
                : "A location is required: lat and long, or address_string.";
        }

        var email = Field("email");
        if (email is not null && (!email.Contains('@', StringComparison.Ordinal) || email.Any(char.IsWhiteSpace)))
        {
            return "email is not an e-mail address.";
        }

        var phone = Field("phone");
        if (phone is not null && !Reporter.IsPhoneNumber(phone))
        {
            return "phone may hold only digits, spaces, +, - and brackets.";
        }

        if (Field("media_url") is { } media && (!Uri.TryCreate(media, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            return "media_url must be an absolute http(s) URL.";
        }

        TicketPriority? priority = null;
        foreach (var key in form.Keys.Where(k => k.StartsWith("attribute", StringComparison.Ordinal)))
        {
            if (key != $"attribute[{PriorityAttribute}]")
            {
                return $"Unknown attribute '{key}'; this service defines attribute[{PriorityAttribute}] only.";
            }

            var value = form[key].ToString().Trim().ToLowerInvariant();
            var index = Array.IndexOf(PriorityValues, value);
            if (index < 0)
            {
                return $"attribute[{PriorityAttribute}] must be one of {string.Join(", ", PriorityValues)}.";
            }

            priority = (TicketPriority)index;
        }

        var description = Field("description") ?? "";
        var name = string.Join(' ', new[] { Field("first_name"), Field("last_name") }.OfType<string>());
        request = new ValidRequest(category, TicketReport.TitleFrom(description, category.NameZh), description, location, address ?? "", name.Length > 0 ? name : null, phone, priority);
        return null;
    }

    /// <summary>No geocoder is reachable: an address is placed only when it names a 街道/镇 (at a point inside it).</summary>
    private GeoPoint? Locate(string address)
    {
        foreach (var sub in district.SubDistricts)
        {
            var shortName = sub.Name.EndsWith("街道", StringComparison.Ordinal) ? sub.Name[..^2] : sub.Name;
            if (address.Contains(sub.Name, StringComparison.Ordinal) || (shortName.Length >= 2 && address.Contains(shortName, StringComparison.Ordinal)))
            {
                return sub.Anchor;
            }
        }

        return null;
    }

    private static bool TryCoordinate(string text, double limit, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value) && Math.Abs(value) <= limit;

    private static bool TryTime(StringValues text, DateTimeOffset fallback, out DateTimeOffset value)
    {
        if (StringValues.IsNullOrEmpty(text))
        {
            value = fallback;
            return true;
        }

        return DateTimeOffset.TryParse(text.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out value) && text.Count == 1;
    }

    private static List<string> List(StringValues values) =>
        values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct().ToList();

    private static string RequestHash(string source, Dictionary<string, StringValues> form)
    {
        var canonical = new StringBuilder(source).Append('\n');
        foreach (var (key, value) in form.Where(f => f.Key != "api_key").OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            canonical.Append(key).Append('=').Append(value.ToString().Trim()).Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())))[..20];
    }

    private static IResult Created(string format, string id, bool replay)
    {
        var body = new Open311List("request",
        [
            new Dictionary<string, object?>
            {
                ["service_request_id"] = id,
                ["service_notice"] = replay ? "已受理（重复提交）· Already received" : "已受理 · Received",
                ["account_id"] = null,
            },
        ]);
        return Answer(format, "service_requests", body, replay ? 200 : 201);
    }

    private static IResult Answer(string format, string root, object body, int status = 200) => format == "xml"
        ? Results.Text(Open311Document.Xml(root, body), "text/xml; charset=utf-8", statusCode: status)
        : Results.Text(Open311Document.Json(body), "application/json; charset=utf-8", statusCode: status);

    private static IReadOnlyDictionary<string, object?> Service(EventCategory c) => new Dictionary<string, object?>
    {
        ["service_code"] = c.Code,
        ["service_name"] = c.NameZh,
        ["description"] = c.NameEn,
        ["metadata"] = true,
        ["type"] = "realtime",
        ["keywords"] = string.Join(',', c.Keywords),
        ["group"] = c.Department,
    };

    private sealed record ValidRequest(
        EventCategory Category, string Title, string Description, GeoPoint Location, string Address, string? ReporterName, string? Phone, TicketPriority? Priority);
}
