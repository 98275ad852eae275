using System.Data.Common;

namespace Twin.Data.Sensors;

/// <summary>
/// Deletes a removed sensor inside the batch's transaction: its readings and rollups first (they
/// refer to it), then its row, so a deleted Thing takes its Observations with it as SensorThings
/// specifies. Rare (an integrator's correction), so the statements are built per removal.
/// </summary>
internal static class SensorRemoval
{
    private static readonly string[] Tables = ["observations", "observation_hourly", "observation_daily"];

    public static void Delete(DbConnection connection, DbTransaction transaction, string sensorId)
    {
        foreach (var table in Tables)
        {
            Execute(connection, transaction, $"DELETE FROM {table} WHERE sensor_id = @id", sensorId);
        }

        Execute(connection, transaction, "DELETE FROM sensors WHERE id = @id", sensorId);
    }

    private static void Execute(DbConnection connection, DbTransaction transaction, string sql, string sensorId)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.AddParameter("@id", sensorId);
        command.ExecuteNonQuery();
    }
}
