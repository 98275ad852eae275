namespace CommandCenter.Tests.Support;

/// <summary>Where the repository is, for the scripts the tests start and the files they leave.</summary>
public static class RepoPaths
{
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CityOps.Twin.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("CityOps.Twin.sln not found above the test assembly.");
    }
}
