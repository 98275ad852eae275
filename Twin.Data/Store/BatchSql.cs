using System.Data.Common;

namespace Twin.Data.Store;

/// <summary>One statement inside a pipeline batch's transaction, for the rare events not worth a prepared command.</summary>
internal static class BatchSql
{
    public static void Execute(DbConnection connection, DbTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.AddParameter(name, value ?? DBNull.Value);
        }

        command.ExecuteNonQuery();
    }
}
