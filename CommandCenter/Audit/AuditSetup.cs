using CommandCenter.Configuration;
using CommandCenter.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Twin.Data.Store;

namespace CommandCenter.Audit;

/// <summary>Wires the audit log: its key, the trail that writes it, the anchors of its head and retention; the store writes the twin's own audit rows with each batch.</summary>
public static class AuditSetup
{
    public static IServiceCollection AddTwinAudit(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddSingleton(sp => AuditSecrets.Resolve(
            sp.GetRequiredService<IOptions<SecurityOptions>>().Value,
            sp.GetRequiredService<IOptions<TwinStoreOptions>>().Value.DatabasePath,
            environment.ContentRootPath, sp.GetRequiredService<IDataProtectionProvider>(), createKey: true,
            sp.GetService<PostgresKeyStore>()));
        services.AddSingleton(sp => sp.GetRequiredService<AuditSecrets>().Chain);
        services.AddSingleton<AuditTrail>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditTrail>());
        services.AddHostedService<AuditAnchoring>();
        services.AddHostedService<AuditRetention>();
        return services;
    }
}
