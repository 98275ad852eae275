using System.Text.RegularExpressions;
using Twin.Domain.Tests.Support;

namespace CommandCenter.Tests.Architecture;

/// <summary>
/// The web project's top-level folders (<c>CommandCenter/Map</c>, <c>CommandCenter/Security</c>, …)
/// form no cycle: a folder that needs another is never needed back, directly or through others, so
/// each can be read, changed and tested from the folders below it (docs/decisions/0006).
/// </summary>
public partial class FolderCycleTests
{
    private static readonly string[] NotFeatures = ["bin", "obj", "wwwroot", "node_modules", "Properties"];

    [Fact]
    public void No_folder_of_the_web_project_needs_itself_through_the_others()
    {
        var graph = FolderGraph(Path.Combine(Repository.Root, "CommandCenter"));

        // The hub carries both the map and the drone fleet, so it sits above both and they need not see each other.
        Assert.Contains("Map", graph["Hub"]);
        Assert.Contains("Drones", graph["Hub"]);
        // A reference written from the parent namespace (Security.Policies inside CommandCenter.Map) counts too.
        Assert.Contains("Security", graph["Map"]);
        Assert.Empty(Cycles(graph));
    }

    [Fact]
    public void The_cycle_check_finds_a_cycle_through_three_folders_and_none_in_a_layered_graph()
    {
        var cyclic = new Dictionary<string, HashSet<string>>
        {
            ["Map"] = ["Security"],
            ["Security"] = ["Ingestion", "Configuration"],
            ["Ingestion"] = ["Map"],
            ["Configuration"] = [],
        };
        var layered = new Dictionary<string, HashSet<string>>
        {
            ["Hub"] = ["Map", "Drones"],
            ["Drones"] = ["Map"],
            ["Map"] = ["Configuration"],
            ["Configuration"] = [],
        };

        Assert.Equal(["Ingestion → Map → Security → Ingestion"], Cycles(cyclic));
        Assert.Empty(Cycles(layered));
    }

    /// <summary>
    /// Folder → the other folders its C# and Razor files name: a namespace in a using (also @using) or
    /// written out (<c>CommandCenter.Security.Policies</c>), or a folder's type or sub-namespace named
    /// from the parent namespace (<c>Security.Policies</c>, <c>Ingestion.Common.X</c>).
    /// </summary>
    private static Dictionary<string, HashSet<string>> FolderGraph(string project)
    {
        var folders = Directory.GetDirectories(project).Select(Path.GetFileName).OfType<string>()
            .Where(f => !NotFeatures.Contains(f, StringComparer.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
        var namesIn = NamesByFolder(folders);
        var graph = folders.ToDictionary(f => f, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);

        foreach (var folder in folders)
        {
            var files = Directory.EnumerateFiles(Path.Combine(project, folder), "*.*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal));
            foreach (var file in files)
            {
                var text = File.ReadAllText(file);
                var named = NamespaceReference().Matches(text).Select(m => m.Groups["folder"].Value)
                    .Concat(FolderQualifiedName().Matches(text)
                        .Where(m => namesIn.TryGetValue(m.Groups["folder"].Value, out var names) && names.Contains(m.Groups["name"].Value))
                        .Select(m => m.Groups["folder"].Value));
                graph[folder].UnionWith(named.Where(target => target != folder && folders.Contains(target)));
            }
        }

        return graph;
    }

    /// <summary>Each folder's type names and sub-namespaces, from the compiled web project.</summary>
    private static Dictionary<string, HashSet<string>> NamesByFolder(HashSet<string> folders)
    {
        var names = folders.ToDictionary(f => f, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var type in typeof(Program).Assembly.GetTypes().Where(t => !t.IsNested))
        {
            var parts = (type.Namespace ?? string.Empty).Split('.');
            if (parts is ["CommandCenter", var folder, ..] && names.TryGetValue(folder, out var set))
            {
                set.Add(parts.Length > 2 ? parts[2] : type.Name.Split('`')[0]);
            }
        }

        return names;
    }

    /// <summary>Every cycle of the graph once, as a path from its alphabetically first folder, in order.</summary>
    private static List<string> Cycles(Dictionary<string, HashSet<string>> graph)
    {
        var cycles = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var start in graph.Keys)
        {
            Walk(start, [start]);
            void Walk(string at, List<string> path)
            {
                foreach (var next in graph.GetValueOrDefault(at) ?? [])
                {
                    if (next == start)
                    {
                        cycles.Add(string.Join(" → ", path.Append(start)));
                    }
                    // Only through folders after the start: a cycle is walked from its first folder alone.
                    else if (!path.Contains(next) && string.CompareOrdinal(start, next) < 0)
                    {
                        Walk(next, [.. path, next]);
                    }
                }
            }
        }

        return [.. cycles];
    }

    // A namespace is named by a using (also @using in Razor) or written out in full: both are a dependency.
    [GeneratedRegex(@"(?<![\w.])CommandCenter\.(?<folder>[A-Z]\w*)")]
    private static partial Regex NamespaceReference();

    // Inside CommandCenter.X a sibling folder's types can be named without the root: Security.Policies.
    [GeneratedRegex(@"(?<![\w.])(?<folder>[A-Z]\w*)\.(?<name>[A-Z]\w*)")]
    private static partial Regex FolderQualifiedName();
}
