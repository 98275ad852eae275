using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Twin.Data.Store;
using Twin.Data.Store.Providers;

namespace Twin.Data.Postgres;

/// <summary>
/// Lets `dotnet ef migrations add` (with this project as startup) build the model for PostgreSQL.
/// No server is contacted: the connection string only names the provider.
/// </summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<TwinDbContext>
{
    public TwinDbContext CreateDbContext(string[] args)
    {
        var options = new TwinStoreOptions
        {
            Provider = StorageProvider.Postgres,
            ConnectionString = args.Length > 0 ? args[0] : "Host=127.0.0.1;Database=cityops_twin_design",
        };
        var builder = new DbContextOptionsBuilder<TwinDbContext>();
        StoreDialect.For(options).Configure(builder);
        return new TwinDbContext(builder.Options);
    }
}
