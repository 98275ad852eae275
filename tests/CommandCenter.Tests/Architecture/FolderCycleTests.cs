using System.Text.RegularExpressions;
using Twin.Domain.Tests.Support;

namespace CommandCenter.Tests.Architecture;

/// <summary>
/// The web project's feature folders (<c>CommandCenter/Map</c>, <c>CommandCenter/Drones</c>, …) do
/// not import each other: a folder that needs another must not be needed by it, so each can be read,
/// changed and tested from the folders below it (docs/decisions/0006).
/// </summary>
public partial class FolderCycleTests
{
    private static readonly string[] NotFeatures = ["bin", "obj", "wwwroot", "node_modules", "Properties"];

    /// <summary>
    /// Pairs that still import each other, to be broken next (docs/decisions/0006). The list must stay
    /// exact: a new pair fails, and so does a pair that is gone but still listed, so it only shrinks.
    /// </summary>
    private static readonly string[] KnownPairs = ["Audit ↔ Security", "Components ↔ Vocabulary", "Map ↔ Vocabulary"];

    [Fact]
    public void No_two_feature_folders_import_each_other_beyond_the_known_pairs()
    {
        var graph = FolderGraph(Path.Combine(Repository.Root, "CommandCenter"));

        // The hub carries both the map and the drone fleet, so it sits above both and they need not see each other.
        Assert.Contains("Map", graph["Hub"]);
        Assert.Contains("Drones", graph["Hub"]);
        Assert.DoesNotContain("Drones", graph["Map"]);
        Assert.Equal(KnownPairs, MutualPairs(graph));
    }

    [Fact]
    public void The_pair_check_finds_two_folders_that_import_each_other()
    {
        var graph = new Dictionary<string, HashSet<string>>
        {
            ["Map"] = ["Drones", "Security"],
            ["Drones"] = ["Map", "Security"],
            ["Security"] = [],
        };

        Assert.Equal(["Drones ↔ Map"], MutualPairs(graph));
    }

    /// <summary>Folder → the other folders whose namespaces its C# and Razor files name (usings and qualified names).</summary>
    private static Dictionary<string, HashSet<string>> FolderGraph(string project)
    {
        var folders = Directory.GetDirectories(project).Select(Path.GetFileName).OfType<string>()
            .Where(f => !NotFeatures.Contains(f, StringComparer.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
        var graph = folders.ToDictionary(f => f, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);

        foreach (var folder in folders)
        {
            var files = Directory.EnumerateFiles(Path.Combine(project, folder), "*.*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal));
            foreach (var file in files)
            {
                foreach (Match m in NamespaceReference().Matches(File.ReadAllText(file)))
                {
                    var target = m.Groups["folder"].Value;
                    if (target != folder && folders.Contains(target))
                    {
                        graph[folder].Add(target);
                    }
                }
            }
        }

        return graph;
    }

    private static List<string> MutualPairs(Dictionary<string, HashSet<string>> graph) =>
        graph.SelectMany(a => a.Value
                .Where(b => string.CompareOrdinal(a.Key, b) < 0 && graph.GetValueOrDefault(b)?.Contains(a.Key) == true)
                .Select(b => $"{a.Key} ↔ {b}"))
            .Order(StringComparer.Ordinal)
            .ToList();

    // A namespace is named by a using (also @using in Razor) or written out in full: both are a dependency.
    [GeneratedRegex(@"(?<![\w.])CommandCenter\.(?<folder>[A-Z]\w*)")]
    private static partial Regex NamespaceReference();
}
