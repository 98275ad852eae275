using CommandCenter.Configuration;
using CommandCenter.Security;
using Microsoft.AspNetCore.DataProtection;
using Twin.Data.Audit;
using Twin.Data.Store;

namespace CommandCenter.Audit;

/// <summary>
/// <c>audit verify</c>: walks the audit log's keyed hash chain in the configured database, checks
/// it against the head anchors kept outside it, and prints the result. Exit code 0 when intact,
/// 1 with the first bad row or the cut, 2 when there is no database or no key. The app's Data
/// Protection comes from the caller (the security setup owns it), since the generated audit key is
/// stored under it.
/// </summary>
public static class AuditVerifyCommand
{
    public static async Task<int> RunAsync(IConfiguration configuration, IHostEnvironment environment, Func<IDataProtectionProvider> protection, TextWriter output)
    {
        var options = new TwinStoreOptions();
        configuration.GetSection("Twin:Storage").Bind(options);
        var path = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.DatabasePath));
        var onFile = options.Provider == Twin.Data.Store.Providers.StorageProvider.Sqlite;
        if (onFile && !File.Exists(path))
        {
            output.WriteLine($"No database at {path}.");
            return 2;
        }

        var security = new SecurityOptions();
        configuration.GetSection(SecurityOptions.Section).Bind(security);
        AuditSecrets secrets;
        try
        {
            secrets = AuditSecrets.Resolve(security, path, environment.ContentRootPath, protection(), createKey: false,
                PostgresKeyStore.From(configuration));
        }
        catch (Exception e) when (e is InvalidOperationException or System.Security.Cryptography.CryptographicException or FormatException)
        {
            output.WriteLine($"Cannot verify: {e.Message}");
            return 2;
        }

        await using var store = new TwinStore(new TwinStoreOptions { DatabasePath = path, Provider = options.Provider, ConnectionString = options.ConnectionString });
        var result = await secrets.VerifyAsync(new AuditLog(store, secrets.Chain));
        if (result.Intact)
        {
            output.WriteLine($"Audit log intact: {result.Rows} rows, head row {result.HeadSeq}, head hash {result.HeadHash}; anchors in {string.Join(" and ", secrets.AnchorFiles.Select(f => f.Path))} agree.");
            return 0;
        }

        output.WriteLine(result.FirstBadId is { } bad
            ? $"Audit log TAMPERED: first bad row {bad}: {result.Problem}."
            : $"Audit log TAMPERED: {result.Problem}.");
        return 1;
    }
}
