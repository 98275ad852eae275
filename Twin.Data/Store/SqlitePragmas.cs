using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Twin.Data.Store;

/// <summary>
/// The durability settings of every connection (docs/decisions/0002-sqlite-durability.md):
/// journal_mode=WAL is kept in the file once set, but synchronous is a per-connection setting
/// whose default depends on how SQLite was compiled, so both are set on every open.
/// </summary>
internal static class SqlitePragmas
{
    public const string Sql = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;";

    public static async Task ApplyAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Stateless; one instance keeps EF's options, and so its cached internal services, equal across stores.</summary>
    public static Interceptor OnOpen { get; } = new();

    /// <summary>Applies the pragmas to the connections EF opens for reads and migrations.</summary>
    internal sealed class Interceptor : DbConnectionInterceptor
    {
        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Sql;
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Sql;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
