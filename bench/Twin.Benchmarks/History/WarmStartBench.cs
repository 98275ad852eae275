using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Twin.Data.History;
using Twin.Data.Store;
using Twin.Domain.Cameras;
using Twin.Domain.Briefing;
using Twin.Domain.Catalogue;
using Twin.Domain.Drones;
using Twin.Domain.Geography;
using Twin.Domain.Simulation;

namespace Twin.Benchmarks.History;

/// <summary>
/// A first run's warm start timed end to end, as the app runs it: a fresh store file, the default
/// simulator, <c>--days</c> days (default 30) up to a fixed instant. One run takes most of a minute,
/// so this is a timed run (wall clock and CPU time of the process, with the load average beside
/// them), not a BenchmarkDotNet job. <c>--keep FILE</c> keeps a copy of the store.
/// </summary>
public static class WarmStartBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var days = BenchArgs.Option(args, "--days", 30);
        var geo = Path.Combine(AppContext.BaseDirectory, "geo");
        var map = DistrictMapLoader.LoadFromDirectory(geo, 500);
        var catalogue = EventCatalogue.LoadDefault();
        var options = new SimulatorOptions { HistoryDays = days };
        var cameras = CameraLayout.Create(map, DistrictMapLoader.LoadMetroStationsFromDirectory(geo), options.Seed);
        var directory = Directory.CreateTempSubdirectory("twin-warm-start-");
        try
        {
            var path = Path.Combine(directory.FullName, "twin.db");
            await using var store = new TwinStore(new TwinStoreOptions { DatabasePath = path });
            await store.InitializeAsync();
            var now = new DateTimeOffset(2026, 12, 4, 7, 30, 0, TimeSpan.Zero);
            Console.WriteLine($"load average before: {BenchArgs.LoadAverage()}");
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            var routes = PatrolRouteFile.Parse(File.ReadAllText(Path.Combine(geo, "drone_patrol_routes.geojson")), new OperatingArea(map)).Routes;
            var result = await new WarmStart(map, catalogue, cameras, options) { PatrolRoutes = routes }.RunAsync(
                store, now, new Progress<WarmStartProgress>(p => Console.Error.Write($"\r{p.Stage} {p.Fraction:P0}   ")));
            var elapsed = wall.Elapsed;
            var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            Console.Error.WriteLine();
            Console.WriteLine($"{days} days: {result.Tickets:N0} tickets, {result.Alarms:N0} alarms, {result.Observations:N0} readings, {result.HourlyRollups:N0} sensor hours, {result.Missions:N0} drone missions");
            Console.WriteLine($"wall clock {elapsed.TotalSeconds:F1} s, CPU {cpuUsed.TotalSeconds:F1} s, load average after: {BenchArgs.LoadAverage()}");
            Console.WriteLine($"store writing {result.Writing.TotalSeconds:F1} s (beside the replay), replay waited for the store {result.WaitedForStore.TotalSeconds:F1} s, search index built in {result.Indexing.TotalSeconds:F1} s, rollups and missions worked out and written in {result.SummingUp.TotalSeconds:F1} s (making the rollups' readings {result.WorkingOutRollups.TotalSeconds:F1} s)");
            PrintDays(path, result.From, now);
            await PrintRepeatedComplaintsAsync(store, now);
            await store.DisposeAsync();
            SqliteConnection.ClearAllPools();
            Console.WriteLine($"store file {new FileInfo(path).Length / 1048576.0:F1} MiB (+ WAL {WalSize(path) / 1048576.0:F1} MiB)");
            if (args.SkipWhile(a => a != "--keep").Skip(1).FirstOrDefault() is { } keep)
            {
                // For measuring the tables' sizes afterwards (the bundled SQLite has no dbstat; Debian's sqlite3 does).
                File.Copy(path, keep, overwrite: true);
                Console.WriteLine($"store kept as {keep}");
            }

            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Per Shanghai day: reports, closures, the on-time share of the day's closures and the cases
    /// open (在办) at the day's end, recounted from the stored rows: whether the month is steady.
    /// </summary>
    private static void PrintDays(string path, DateTimeOffset from, DateTimeOffset now)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        Console.WriteLine("day (Shanghai)  reported  closed  on-time  open at end");
        for (var day = from; day < now; day = day.AddDays(1))
        {
            var end = day.AddDays(1) < now ? day.AddDays(1) : now;
            using var command = connection.CreateCommand();
            command.CommandText =
                """
                SELECT
                    (SELECT COUNT(*) FROM tickets WHERE reported_at >= $from AND reported_at < $to),
                    (SELECT COUNT(*) FROM tickets WHERE closed_at >= $from AND closed_at < $to),
                    (SELECT AVG(overdue_steps = 0) FROM tickets WHERE closed_at >= $from AND closed_at < $to),
                    (SELECT COUNT(*) FROM tickets WHERE reported_at < $to AND status <> 'Merged' AND (closed_at IS NULL OR closed_at >= $to))
                """;
            command.Parameters.AddWithValue("$from", day.UtcTicks);
            command.Parameters.AddWithValue("$to", end.UtcTicks);
            using var reader = command.ExecuteReader();
            reader.Read();
            var onTime = reader.IsDBNull(2) ? "—" : reader.GetDouble(2).ToString("P1", CultureInfo.InvariantCulture);
            Console.WriteLine($"{day.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd ddd}  {reader.GetInt64(0),8}  {reader.GetInt64(1),6}  {onTime,7}  {reader.GetInt64(3),11}");
        }
    }

    /// <summary>The briefing's 需要决策的事项 "repeated complaints at one place" over the month's last 7 days, by category.</summary>
    private static async Task PrintRepeatedComplaintsAsync(TwinStore store, DateTimeOffset now)
    {
        var week = await store.ReadTicketsReportedAsync(now - DecisionItems.RepeatWindow, now);
        var repeated = DecisionItems.Repeated(week);
        var byCategory = string.Join(", ", repeated.CountBy(r => r.CategoryCode).OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} {kv.Value}"));
        Console.WriteLine($"repeated-complaint places in the last 7 days: {repeated.Count} ({byCategory})");
    }

    private static long WalSize(string path) => File.Exists(path + "-wal") ? new FileInfo(path + "-wal").Length : 0;
}
