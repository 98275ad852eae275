using Twin.Data.Audit;
using Twin.Data.Store;

namespace CommandCenter.Audit;

/// <summary>
/// <c>audit verify</c>: walks the audit log's hash chain in the configured database and prints the
/// result. Exit code 0 when intact, 1 with the first bad row, 2 when there is no database.
/// </summary>
public static class AuditVerifyCommand
{
    public static async Task<int> RunAsync(IConfiguration configuration, IHostEnvironment environment, TextWriter output)
    {
        var options = new TwinStoreOptions();
        configuration.GetSection("Twin:Storage").Bind(options);
        var path = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.DatabasePath));
        if (!File.Exists(path))
        {
            output.WriteLine($"No database at {path}.");
            return 2;
        }

        await using var store = new TwinStore(new TwinStoreOptions { DatabasePath = path });
        var result = await new AuditLog(store).VerifyAsync();
        if (result.Intact)
        {
            output.WriteLine($"Audit log intact: {result.Rows} rows, head hash {result.HeadHash}.");
            return 0;
        }

        output.WriteLine($"Audit log TAMPERED: first bad row {result.FirstBadId}: {result.Problem}.");
        return 1;
    }
}
