using System.Data.Common;
using Twin.Data.Store.Providers;

namespace Twin.Data.Audit;

/// <summary>
/// The one place that extends the chain: reads the head and inserts each entry as head + 1, linked
/// and keyed by <see cref="AuditChain.Hash"/>. It must run inside a write transaction
/// (BEGIN IMMEDIATE, or after the transaction has written): SQLite's write lock is then the single
/// order of the chain for every writer — the pipeline's batches and the app's own audit rows alike,
/// across connections and processes. PostgreSQL has no such lock: there the append first takes
/// the chain's transaction-scoped advisory lock (<see cref="DialectSql.LockAuditChain"/>).
/// </summary>
internal static class AuditAppender
{
    private const string InsertSql =
        """
        INSERT INTO audit_log (id, at, actor, action, target, outcome, detail, ip, user_agent, prev_hash, hash)
        VALUES (@id, @at, @actor, @action, @target, @outcome, @detail, @ip, @user_agent, @prev_hash, @hash)
        """;

    private static readonly string[] Names = ["@id", "@at", "@actor", "@action", "@target", "@outcome", "@detail", "@ip", "@user_agent", "@prev_hash", "@hash"];

    public static void Append(StoreDialect dialect, DbConnection connection, DbTransaction transaction, AuditChain chain, IReadOnlyList<AuditEntry> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        if (dialect.Sql.LockAuditChain.Length > 0)
        {
            using var lockChain = connection.CreateCommand();
            lockChain.Transaction = transaction;
            lockChain.CommandText = dialect.Sql.LockAuditChain;
            lockChain.ExecuteNonQuery();
        }

        long id = 0;
        var previousHash = AuditChain.Genesis;
        using (var head = connection.CreateCommand())
        {
            head.Transaction = transaction;
            head.CommandText = "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1";
            using var reader = head.ExecuteReader();
            if (reader.Read())
            {
                id = reader.GetInt64(0);
                previousHash = reader.GetString(1);
            }
        }

        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = InsertSql;
        foreach (var name in Names)
        {
            insert.AddParameter(name, null);
        }

        insert.Prepare();
        foreach (var entry in entries)
        {
            id++;
            var hash = chain.Hash(previousHash, id, entry);
            var p = insert.Parameters;
            p[0].Value = id;
            p[1].Value = entry.At.UtcTicks;
            p[2].Value = entry.Actor;
            p[3].Value = entry.Action;
            p[4].Value = (object?)entry.Target ?? DBNull.Value;
            p[5].Value = entry.Outcome;
            p[6].Value = (object?)entry.Detail ?? DBNull.Value;
            p[7].Value = (object?)entry.Ip ?? DBNull.Value;
            p[8].Value = (object?)entry.UserAgent ?? DBNull.Value;
            p[9].Value = previousHash;
            p[10].Value = hash;
            insert.ExecuteNonQuery();
            previousHash = hash;
        }
    }
}
