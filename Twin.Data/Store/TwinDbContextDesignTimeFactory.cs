using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Twin.Data.Store;

/// <summary>Lets `dotnet ef migrations add` build the model without the web host.</summary>
internal sealed class TwinDbContextDesignTimeFactory : IDesignTimeDbContextFactory<TwinDbContext>
{
    public TwinDbContext CreateDbContext(string[] args)
    {
        var path = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "cityops-twin-design.db");
        var options = new DbContextOptionsBuilder<TwinDbContext>()
            .UseSqlite(TwinStore.BuildConnectionString(path, TimeSpan.FromSeconds(30)))
            .Options;
        return new TwinDbContext(options);
    }
}
