namespace Twin.Domain.Tests.Support;

public static class Repository
{
    /// <summary>The folder holding CityOps.Twin.sln, found by walking up from the test output.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CityOps.Twin.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"CityOps.Twin.sln not found above {AppContext.BaseDirectory}.");
    }
}
