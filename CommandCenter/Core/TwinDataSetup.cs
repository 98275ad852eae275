using Twin.Data.Store;

namespace CommandCenter.Core;

/// <summary>The EF context on the twin's database file, for what keeps its own tables there (accounts, sessions, the audit log).</summary>
public static class TwinDataSetup
{
    public static IServiceCollection AddTwinData(this IServiceCollection services)
    {
        services.AddDbContextFactory<TwinDbContext>((sp, b) => sp.GetRequiredService<TwinStore>().Configure(b));
        return services;
    }
}
