using System.Text.Json;
using System.Text.Json.Serialization;
using Twin.Domain.Alarms;
using Twin.Domain.Sensors;
using Twin.Domain.Tickets;
using Twin.Domain.Vocabulary;

namespace Twin.Domain.Catalogue;

/// <summary>The one catalogue of event types; loaded from JSON and validated entry by entry.</summary>
public sealed class EventCatalogue
{
    public const string EmbeddedFileName = "event-catalogue.json";

    private readonly Dictionary<string, EventCategory> _byCode;

    // Symmetric: "noise is related to illegal-construction" is declared once, in either entry.
    private readonly HashSet<(string, string)> _related = [];
    private readonly Dictionary<string, List<string>> _relatedTo = new(StringComparer.Ordinal);

    private readonly IReadOnlyDictionary<string, string> _departmentsEn;

    public EventCatalogue(IReadOnlyList<EventCategory> categories, IReadOnlyDictionary<string, string>? departmentsEn = null)
    {
        Categories = categories;
        _departmentsEn = departmentsEn ?? new Dictionary<string, string>();
        _byCode = categories.ToDictionary(c => c.Code, StringComparer.Ordinal);
        foreach (var category in categories)
        {
            foreach (var other in category.Related ?? [])
            {
                _related.Add((category.Code, other));
                _related.Add((other, category.Code));
                RelatedList(category.Code).Add(other);
                RelatedList(other).Add(category.Code);
            }
        }
    }

    public IReadOnlyList<EventCategory> Categories { get; }

    /// <summary>Every department the catalogue names, district and 街镇 level, each once.</summary>
    public IReadOnlyList<string> Departments => DepartmentsOf(Categories);

    public EventCategory? Find(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>Two different categories that one problem is often reported under (e.g. a creek bank littered: debris or riverside order).</summary>
    public bool AreRelated(string a, string b) => _related.Contains((a, b));

    /// <summary>The categories related to <paramref name="code"/>, both ways.</summary>
    public IReadOnlyList<string> RelatedTo(string code) => _relatedTo.GetValueOrDefault(code) ?? [];

    /// <summary>A department's name in both languages; one the catalogue does not know keeps its Chinese name in English too.</summary>
    public Term DepartmentName(string department) =>
        new(department, _departmentsEn.GetValueOrDefault(department) ?? department);

    public EventCategory? ForSensorKind(SensorKind kind) => Categories.FirstOrDefault(c => c.SensorKind == kind);

    /// <summary>The category an alarm of <paramref name="alarmKind"/> is filed under (see <see cref="EventCategory.FilesAlarm"/>), or null.</summary>
    public EventCategory? ForAlarmKind(string alarmKind) => Categories.FirstOrDefault(c => c.FilesAlarm(alarmKind));

    /// <summary>The catalogue shipped with the domain (Catalogue/event-catalogue.json).</summary>
    public static EventCatalogue LoadDefault()
    {
        using var stream = typeof(EventCatalogue).Assembly.GetManifestResourceStream("Twin.Domain.Catalogue.event-catalogue.json")
            ?? throw new InvalidOperationException("The embedded event catalogue is missing from Twin.Domain.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), EmbeddedFileName);
    }

    public static EventCatalogue Parse(string json, string fileName)
    {
        CatalogueFile? file;
        try
        {
            file = JsonSerializer.Deserialize<CatalogueFile>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{fileName}: not valid JSON ({ex.Message}).", ex);
        }

        if (file?.Categories is not { Count: > 0 } entries)
        {
            throw new InvalidDataException($"{fileName}: 'categories' is missing or empty.");
        }

        var categories = new List<EventCategory>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            var where = $"{fileName}: categories[{i}] ({e.Code ?? "no code"})";
            Require(!string.IsNullOrWhiteSpace(e.Code), where, "'code' is required");
            Require(seen.Add(e.Code!), where, "'code' is a duplicate");
            Require(!string.IsNullOrWhiteSpace(e.NameZh), where, "'nameZh' is required");
            Require(!string.IsNullOrWhiteSpace(e.NameEn), where, "'nameEn' is required");
            Require(!string.IsNullOrWhiteSpace(e.Department), where, "'department' is required");
            Require(TryParsePriority(e.Priority, out var priority), where,
                $"'priority' must be one of {string.Join(", ", Enum.GetNames<TicketPriority>()).ToLowerInvariant()}");
            SensorKind? sensorKind = null;
            if (e.SensorKind is not null)
            {
                Require(SensorKinds.TryParse(e.SensorKind, out var kind), where, $"'sensorKind' {e.SensorKind} is not a known sensor kind");
                sensorKind = kind;
            }

            Require(e.Hours is { Dispatch: > 0, Handle: > 0, Review: > 0 }, where, "'hours' needs dispatch, handle and review above 0");
            AlarmSeverity? autoFileFrom = null;
            if (e.AutoFileFrom is not null)
            {
                Require(Enum.TryParse<AlarmSeverity>(e.AutoFileFrom, ignoreCase: true, out var from) && Enum.IsDefined(from) && !char.IsAsciiDigit(e.AutoFileFrom[0]), where,
                    $"'autoFileFrom' must be one of {string.Join(", ", Enum.GetNames<AlarmSeverity>()).ToLowerInvariant()}");
                Require(e.SensorKind is not null || e.AlarmKinds is { Count: > 0 }, where, "'autoFileFrom' needs a sensorKind or alarmKinds to file");
                autoFileFrom = from;
            }

            foreach (var (subDistrict, department) in e.DepartmentBySubDistrict ?? [])
            {
                Require(IsSubDistrictCode(subDistrict), where, $"'departmentBySubDistrict' key '{subDistrict}' is not a 12-digit Putuo 街镇 code (3101070xx000)");
                Require(!string.IsNullOrWhiteSpace(department), where, $"'departmentBySubDistrict' names no department for {subDistrict}");
            }

            categories.Add(new EventCategory(
                e.Code!,
                e.NameZh!,
                e.NameEn!,
                e.Department!,
                priority,
                sensorKind,
                e.CreekRelated,
                e.Keywords ?? [],
                new StepTimeLimits(
                    TimeSpan.FromHours(e.Hours!.Dispatch),
                    TimeSpan.FromHours(e.Hours.Handle),
                    TimeSpan.FromHours(e.Hours.Review)),
                e.DepartmentBySubDistrict ?? [],
                e.Related ?? [],
                e.AlarmKinds ?? [],
                autoFileFrom));
        }

        // Related codes may point forward in the file, so they are checked once all codes are known.
        for (var i = 0; i < categories.Count; i++)
        {
            foreach (var other in categories[i].Related ?? [])
            {
                var where = $"{fileName}: categories[{i}] ({categories[i].Code})";
                Require(seen.Contains(other), where, $"'related' names '{other}', which is not in the catalogue");
                Require(other != categories[i].Code, where, "'related' names the entry itself");
            }
        }

        // Every department a ticket can be sent to is shown by name on the English console too.
        var departmentsEn = file.Departments ?? [];
        foreach (var department in DepartmentsOf(categories))
        {
            Require(!string.IsNullOrWhiteSpace(departmentsEn.GetValueOrDefault(department)), $"{fileName}: departments",
                $"'{department}' has no English name");
        }

        return new EventCatalogue(categories, departmentsEn);
    }

    // Enum.TryParse also takes numbers ("9" becomes an undefined priority), so only the names are matched.
    private static bool TryParsePriority(string? text, out TicketPriority priority)
    {
        foreach (var candidate in Enum.GetValues<TicketPriority>())
        {
            if (string.Equals(candidate.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                priority = candidate;
                return true;
            }
        }

        priority = default;
        return false;
    }

    private static List<string> DepartmentsOf(IEnumerable<EventCategory> categories) =>
        categories.SelectMany(c => (c.DepartmentBySubDistrict?.Values ?? []).Prepend(c.Department)).Distinct(StringComparer.Ordinal).ToList();

    private List<string> RelatedList(string code)
    {
        if (!_relatedTo.TryGetValue(code, out var list))
        {
            list = [];
            _relatedTo[code] = list;
        }

        return list;
    }

    private static bool IsSubDistrictCode(string code) =>
        code.Length == 12 && code.StartsWith("310107", StringComparison.Ordinal) && code.All(char.IsAsciiDigit);

    private static void Require(bool condition, string where, string what)
    {
        if (!condition)
        {
            throw new InvalidDataException($"{where}: {what}.");
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    private sealed record CatalogueFile(List<CategoryEntry>? Categories, Dictionary<string, string>? Departments);

    private sealed record CategoryEntry(
        string? Code,
        string? NameZh,
        string? NameEn,
        string? Department,
        string? Priority,
        string? SensorKind,
        bool CreekRelated,
        List<string>? Keywords,
        HoursEntry? Hours,
        Dictionary<string, string>? DepartmentBySubDistrict,
        List<string>? Related,
        List<string>? AlarmKinds,
        string? AutoFileFrom);

    private sealed record HoursEntry(double Dispatch, double Handle, double Review);
}
