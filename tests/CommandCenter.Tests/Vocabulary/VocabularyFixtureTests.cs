using System.Text.Json;
using CommandCenter.Map;
using CommandCenter.Vocabulary;
using Twin.Domain.Tests.Support;

namespace CommandCenter.Tests.Vocabulary;

/// <summary>
/// The map module's unit tests (node --test) run on a copy of the vocabulary document; every name,
/// colour, radius and shape that copy holds must be what the server serves, or the JS tests would
/// pass against words and colours the wall no longer shows.
/// </summary>
public class VocabularyFixtureTests
{
    private static readonly string FixturePath = Path.Combine(Repository.Root, "wwwroot-assets", "js", "test", "fixtures", "vocabulary.json");

    [Fact]
    public void The_js_tests_vocabulary_fixture_says_what_the_server_serves_for_every_key_it_has()
    {
        using var fixture = JsonDocument.Parse(File.ReadAllText(FixturePath));
        // The bytes GET /api/map/vocabulary.json answers with: the same document, the same options.
        using var served = JsonDocument.Parse(new WireJson<VocabularyDocument>(VocabularyDocument.Current).Utf8);

        var differences = new List<string>();
        var compared = Compare(fixture.RootElement, served.RootElement, "$", differences);

        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
        Assert.True(compared > 100, $"Only {compared} values compared: the fixture looks emptied.");
    }

    [Fact]
    public void A_changed_colour_or_a_missing_key_counts_as_a_difference()
    {
        using var fixture = JsonDocument.Parse("""{ "ticketStatus": { "discovered": { "color": "#000000", "zh": "发现" }, "gone": { "en": "Gone" } } }""");
        using var served = JsonDocument.Parse(new WireJson<VocabularyDocument>(VocabularyDocument.Current).Utf8);

        var differences = new List<string>();
        Compare(fixture.RootElement, served.RootElement, "$", differences);

        Assert.Equal(["$.ticketStatus.discovered.color", "$.ticketStatus.gone"], differences.Select(d => d.Split(':')[0]));
    }

    /// <summary>Walks what the fixture has; returns how many leaf values were compared.</summary>
    private static int Compare(JsonElement fixture, JsonElement served, string path, List<string> differences)
    {
        if (fixture.ValueKind == JsonValueKind.Object && served.ValueKind == JsonValueKind.Object)
        {
            var count = 0;
            foreach (var property in fixture.EnumerateObject())
            {
                var at = $"{path}.{property.Name}";
                if (served.TryGetProperty(property.Name, out var value))
                {
                    count += Compare(property.Value, value, at, differences);
                }
                else
                {
                    differences.Add($"{at}: not served");
                }
            }

            return count;
        }

        var same = fixture.ValueKind == JsonValueKind.Number && served.ValueKind == JsonValueKind.Number
            ? fixture.GetDouble() == served.GetDouble()
            : JsonElement.DeepEquals(fixture, served);
        if (!same)
        {
            differences.Add($"{path}: fixture {fixture.GetRawText()}, served {served.GetRawText()}");
        }

        return 1;
    }
}
