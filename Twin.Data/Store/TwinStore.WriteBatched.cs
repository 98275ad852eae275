using System.Data.Common;
using Twin.Domain.Sensors;

namespace Twin.Data.Store;

public sealed partial class TwinStore
{
    private sealed partial class WriteCommands
    {
        /// <summary>Statements sent in one round trip; bounds the batch's memory, not its transaction.</summary>
        private const int ObservationsPerRoundTrip = 500;

        /// <summary>
        /// Inserts a batch's readings with many statements per round trip where the driver can
        /// (PostgreSQL: a server process answers each statement, and under load the wait for every
        /// round trip, not the insert, is what costs; SQLite runs in-process and has no batches).
        /// Each statement is the same insert the row-by-row path runs, in the same order, so a
        /// reading repeated within the batch conflicts with its first copy exactly as there. Fills
        /// <paramref name="ids"/> with the new rows' ids and folds them into summed-up periods;
        /// a reading already stored is left at 0 for the row-by-row path to look up.
        /// </summary>
        private void InsertObservationsBatched(IReadOnlyList<Observation> observations, long[] ids, DbTransaction transaction)
        {
            for (var from = 0; from < observations.Count; from += ObservationsPerRoundTrip)
            {
                var count = Math.Min(ObservationsPerRoundTrip, observations.Count - from);
                using (var batch = _connection.CreateBatch())
                {
                    batch.Transaction = transaction;
                    for (var i = from; i < from + count; i++)
                    {
                        var o = observations[i];
                        var command = batch.CreateBatchCommand();
                        command.CommandText = _insertObservation.CommandText;
                        Add(command, "@sensor_id", o.SensorId);
                        Add(command, "@value", o.Value);
                        Add(command, "@observed_at", UtcTicks.From(o.ObservedAt));
                        Add(command, "@battery_percent", Nullable(o.BatteryPercent));
                        batch.BatchCommands.Add(command);
                    }

                    using var reader = batch.ExecuteReader();
                    for (var i = from; i < from + count; i++)
                    {
                        if (i > from)
                        {
                            reader.NextResult();
                        }

                        ids[i] = reader.Read() ? reader.GetInt64(0) : 0;
                    }
                }

                for (var i = from; i < from + count; i++)
                {
                    if (ids[i] != 0)
                    {
                        _lateRollups.Fold(observations[i]);
                    }
                }
            }
        }

        private static void Add(DbBatchCommand command, string name, object value)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
    }
}
