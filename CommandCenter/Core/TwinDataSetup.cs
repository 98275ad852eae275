using CommandCenter.Configuration;
using Twin.Data.Store;

namespace CommandCenter.Core;

/// <summary>
/// The EF context on the twin's database file, for what keeps its own tables there (accounts,
/// sessions, the audit log), and the store's lifecycle (rollups, trimming, backups).
/// </summary>
public static class TwinDataSetup
{
    public static IServiceCollection AddTwinData(this IServiceCollection services)
    {
        services.AddDbContextFactory<TwinDbContext>((sp, b) => sp.GetRequiredService<TwinStore>().Configure(b));
        services.AddOptions<TwinStoreOptions>().CheckedAtStart(o => OptionsChecks.Thrown(o.Validate));
        services.AddHostedService<DataLifecycleService>();
        return services;
    }
}
