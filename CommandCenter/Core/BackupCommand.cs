using Twin.Data.Store;
using Twin.Data.Store.Providers;

namespace CommandCenter.Core;

/// <summary>
/// <c>backup</c>: an online copy of the configured database into the backup folder (the app may
/// be running); <c>restore FILE</c>: puts a backup in the database's place (stop the app first;
/// the current file is kept beside it). Exit code 0 on success, 1 when refused or failed.
/// </summary>
public static class BackupCommand
{
    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, IHostEnvironment environment, TextWriter output)
    {
        var options = new TwinStoreOptions();
        configuration.GetSection("Twin:Storage").Bind(options);
        if (options.Provider != StorageProvider.Sqlite)
        {
            output.WriteLine("Refused: backup and restore copy the SQLite file; back up a PostgreSQL store with pg_dump or the server's base backups.");
            return 1;
        }

        var path = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.DatabasePath));
        try
        {
            if (args is ["restore", var file, ..])
            {
                var kept = TwinStore.Restore(Path.GetFullPath(file), path, DateTimeOffset.UtcNow);
                output.WriteLine(kept is null ? $"Restored {file} to {path}." : $"Restored {file} to {path}; the previous file is kept as {kept}.");
                return 0;
            }

            if (!File.Exists(path))
            {
                output.WriteLine($"No database at {path}.");
                return 1;
            }

            await using var store = new TwinStore(new TwinStoreOptions { DatabasePath = path });
            output.WriteLine($"Backup written to {await BackUpAsync(store, options.Backup, DateTimeOffset.UtcNow, CancellationToken.None)}.");
            return 0;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            output.WriteLine($"Refused: {e.Message}");
            return 1;
        }
    }

    /// <summary>Writes a new backup and deletes the oldest beyond <see cref="BackupOptions.Keep"/>; returns the new file.</summary>
    public static async Task<string> BackUpAsync(TwinStore store, BackupOptions backup, DateTimeOffset now, CancellationToken ct)
    {
        var directory = backup.DirectoryFor(store.DatabasePath);
        var path = Path.Combine(directory, BackupOptions.FileName(now));
        await store.BackupAsync(path, ct);
        foreach (var old in Directory.GetFiles(directory, "cityops-twin-*.db").Order(StringComparer.Ordinal).SkipLast(backup.Keep))
        {
            File.Delete(old);
        }

        return path;
    }
}
