using System.Data.Common;
using Twin.Domain.Sensors;

namespace Twin.Data.Store;

public sealed partial class TwinStore
{
    /// <summary>
    /// The readings of a replayed past (the warm start's last hour: a quarter of a million rows in
    /// one batch) inserted set-wise: sorted by sensor and time, so the (sensor, time) index grows
    /// at one end per sensor instead of at random pages, and many rows per statement.
    /// </summary>
    private sealed partial class WriteCommands
    {
        /// <summary>Rows a statement: about 130 parameters (see <see cref="ReplayTicketsPerStatement"/> on why not more).</summary>
        private const int ReplayRowsPerStatement = 32;

        private const string InsertReplayRow =
            "INSERT INTO observations (sensor_id, value, observed_at, battery_percent) VALUES (@s, @v, @t, @b) ON CONFLICT DO NOTHING";

        private DbCommand? _insertReplayRows;

        /// <summary>Inserts the readings without answering their ids (nothing of a replay refers to them).</summary>
        private void InsertReplayObservations(IReadOnlyList<Observation> observations, DbTransaction transaction)
        {
            var sorted = observations.ToArray();
            Array.Sort(sorted, static (a, b) =>
            {
                var bySensor = string.CompareOrdinal(a.SensorId, b.SensorId);
                return bySensor != 0 ? bySensor : a.ObservedAt.UtcTicks.CompareTo(b.ObservedAt.UtcTicks);
            });

            var full = _insertReplayRows ??= PrepareRows(InsertReplayRow, ReplayRowsPerStatement);
            full.Transaction = transaction;
            var at = 0;
            for (; at + ReplayRowsPerStatement <= sorted.Length; at += ReplayRowsPerStatement)
            {
                Bind(full, sorted, at);
            }

            if (at < sorted.Length)
            {
                using var rest = PrepareRows(InsertReplayRow, sorted.Length - at);
                rest.Transaction = transaction;
                Bind(rest, sorted, at);
            }
        }

        private static void Bind(DbCommand command, Observation[] rows, int from)
        {
            var p = command.Parameters;
            for (var i = 0; i * 4 < p.Count; i++)
            {
                var o = rows[from + i];
                p[i * 4].Value = o.SensorId;
                p[(i * 4) + 1].Value = o.Value;
                p[(i * 4) + 2].Value = UtcTicks.From(o.ObservedAt);
                p[(i * 4) + 3].Value = Nullable(o.BatteryPercent);
            }

            command.ExecuteNonQuery();
        }
    }
}
