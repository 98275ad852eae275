using System.Text.Json;
using Twin.Domain.Catalogue;
using Twin.Domain.Sensors;

namespace Twin.Domain.Emergency;

/// <summary>The plans (预案), one JSON file per emergency type, shipped with the domain (Emergency/Plans/).</summary>
public sealed class PlanLibrary
{
    private readonly Dictionary<EmergencyType, EmergencyPlan> _byType;

    public PlanLibrary(IReadOnlyList<EmergencyPlan> plans)
    {
        Plans = plans;
        _byType = plans.ToDictionary(p => p.Type);
    }

    public IReadOnlyList<EmergencyPlan> Plans { get; }

    public EmergencyPlan? Find(EmergencyType type) => _byType.GetValueOrDefault(type);

    /// <summary>The embedded plans, each checked against the event catalogue (dispatch rules name its categories).</summary>
    public static PlanLibrary LoadDefault(EventCatalogue catalogue)
    {
        var assembly = typeof(PlanLibrary).Assembly;
        var plans = new List<EmergencyPlan>();
        foreach (var type in Enum.GetValues<EmergencyType>())
        {
            var fileName = $"{type.Slug()}.json";
            using var stream = assembly.GetManifestResourceStream($"Twin.Domain.Emergency.Plans.{fileName}")
                ?? throw new InvalidOperationException($"The embedded plan {fileName} is missing from Twin.Domain.");
            using var reader = new StreamReader(stream);
            plans.Add(Parse(reader.ReadToEnd(), fileName, catalogue));
        }

        return new PlanLibrary(plans);
    }

    public static EmergencyPlan Parse(string json, string fileName, EventCatalogue catalogue)
    {
        PlanFile? file;
        try
        {
            file = JsonSerializer.Deserialize<PlanFile>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{fileName}: not valid JSON ({ex.Message}).", ex);
        }

        Require(file is not null, fileName, "the file is empty");
        Require(EmergencyVocabulary.TryParseType(file!.Type, out var type), fileName, $"'type' {file.Type} is not a known emergency type");
        Require(!string.IsNullOrWhiteSpace(file.NameZh) && !string.IsNullOrWhiteSpace(file.NameEn), fileName, "'nameZh' and 'nameEn' are required");
        Require(file.Levels is { Count: > 0 }, fileName, "'levels' is missing or empty");

        var levels = new Dictionary<ResponseLevel, PlanLevel>();
        foreach (var entry in file.Levels!)
        {
            var where = $"{fileName}: level {entry.Level ?? "?"}";
            Require(EmergencyVocabulary.TryParseLevel(entry.Level, out var level), where, "'level' must be IV, III, II or I");
            Require(!levels.ContainsKey(level), where, "the level is a duplicate");
            levels[level] = ParseLevel(entry, level, where, catalogue);
        }

        Require(levels.Count == Enum.GetValues<ResponseLevel>().Length, fileName, "every level IV–I needs an entry");
        var triggers = file.Triggers ?? new TriggersFile();
        var sensorKinds = new List<SensorKind>();
        foreach (var slug in triggers.SensorKinds ?? [])
        {
            Require(SensorKinds.TryParse(slug, out var kind), fileName, $"trigger sensor kind {slug} is not known");
            sensorKinds.Add(kind);
        }

        var sensorLevel = ResponseLevel.IV;
        Require(triggers.SensorLevel is null || EmergencyVocabulary.TryParseLevel(triggers.SensorLevel, out sensorLevel), fileName,
            "'triggers.sensorLevel' must be IV, III, II or I");
        return new EmergencyPlan(type, file.NameZh!, file.NameEn!, levels, new PlanTriggers(triggers.CapKeywords ?? [], sensorKinds, sensorLevel));
    }

    private static PlanLevel ParseLevel(LevelFile entry, ResponseLevel level, string where, EventCatalogue catalogue)
    {
        var steps = new List<PlanStep>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in entry.Checklist ?? [])
        {
            Require(!string.IsNullOrWhiteSpace(s.Id) && ids.Add(s.Id), where, $"checklist step '{s.Id}' needs a unique id");
            Require(!string.IsNullOrWhiteSpace(s.TitleZh) && !string.IsNullOrWhiteSpace(s.TitleEn), where, $"step {s.Id} needs titleZh and titleEn");
            Require(!string.IsNullOrWhiteSpace(s.Department), where, $"step {s.Id} needs a department");
            Require(s.Minutes > 0, where, $"step {s.Id} needs minutes above 0");
            steps.Add(new PlanStep(s.Id!, s.TitleZh!, s.TitleEn!, s.Department!, TimeSpan.FromMinutes(s.Minutes)));
        }

        Require(steps.Count > 0, where, "'checklist' is empty");
        var thresholds = new List<ThresholdOverride>();
        foreach (var t in entry.Thresholds ?? [])
        {
            Require(SensorKinds.TryParse(t.SensorKind ?? string.Empty, out var kind), where, $"threshold sensor kind {t.SensorKind} is not known");
            Require(double.IsFinite(t.Warning) && double.IsFinite(t.Alarm), where, $"threshold of {t.SensorKind} needs finite warning and alarm");
            Require(thresholds.All(o => o.Kind != kind), where, $"threshold of {t.SensorKind} is a duplicate");
            thresholds.Add(new ThresholdOverride(kind, t.Warning, t.Alarm));
        }

        var rules = new List<DispatchRule>();
        foreach (var r in entry.Dispatch ?? [])
        {
            Require(r.Category is not null && catalogue.Find(r.Category) is not null, where, $"dispatch rule names '{r.Category}', which is not in the catalogue");
            Require(r.SlaFactor is > 0 and <= 1, where, $"dispatch rule of {r.Category} needs a slaFactor in (0, 1]");
            Require(rules.All(o => o.CategoryCode != r.Category), where, $"dispatch rule of {r.Category} is a duplicate");
            rules.Add(new DispatchRule(r.Category!, r.SlaFactor));
        }

        return new PlanLevel(level, steps, thresholds, rules, entry.Layers ?? [], entry.Panels ?? []);
    }

    private static void Require(bool ok, string where, string what)
    {
        if (!ok)
        {
            throw new InvalidDataException($"{where}: {what}.");
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = false,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    private sealed record PlanFile(string? Type, string? NameZh, string? NameEn, string? About, List<LevelFile>? Levels, TriggersFile? Triggers);

    private sealed record LevelFile(
        string? Level, List<StepFile>? Checklist, List<ThresholdFile>? Thresholds, List<RuleFile>? Dispatch, List<string>? Layers, List<string>? Panels);

    private sealed record StepFile(string? Id, string? TitleZh, string? TitleEn, string? Department, double Minutes);

    private sealed record ThresholdFile(string? SensorKind, double Warning, double Alarm);

    private sealed record RuleFile(string? Category, double SlaFactor);

    private sealed record TriggersFile(List<string>? CapKeywords = null, List<string>? SensorKinds = null, string? SensorLevel = null);
}
