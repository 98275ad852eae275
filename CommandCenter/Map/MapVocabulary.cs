using System.Text.Json;

namespace CommandCenter.Map;

/// <summary>
/// The names and colours the wall's map module draws and labels with (its <c>options.vocabulary</c>,
/// keyed by the hub's wire values). Until the domain's one vocabulary is served to every screen
/// (issue 13, item 3), this is the JSON document the map's unit tests use
/// (wwwroot-assets/js/test/fixtures/vocabulary.json), embedded in the app.
/// </summary>
public static class MapVocabulary
{
    private const string ResourceName = "CommandCenter.Map.vocabulary.json";

    public static JsonElement Document { get; } = Load();

    private static JsonElement Load()
    {
        using var stream = typeof(MapVocabulary).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The map vocabulary resource {ResourceName} is missing from the build.");
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.Clone();
    }
}
