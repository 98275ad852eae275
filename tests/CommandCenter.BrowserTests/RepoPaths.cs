namespace CommandCenter.BrowserTests;

/// <summary>Locations inside the repository, found from the test assembly so any working directory works.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootLazy = new(FindRoot);

    /// <summary>The folder that holds CityOps.Twin.sln.</summary>
    public static string Root => RootLazy.Value;

    /// <summary>
    /// <c>&lt;repo&gt;/artifacts/&lt;name&gt;</c>, created on demand: CI keeps screenshots and logs from there,
    /// and git ignores it.
    /// </summary>
    public static string Artifacts(string name)
    {
        var dir = Path.Combine(Root, "artifacts", name);
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CityOps.Twin.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No CityOps.Twin.sln above {AppContext.BaseDirectory}.");
    }
}
