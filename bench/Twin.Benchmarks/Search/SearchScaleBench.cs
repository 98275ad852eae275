using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Twin.Data.History;
using Twin.Data.Search;
using Twin.Data.Store;
using Twin.Domain.Cameras;
using Twin.Domain.Catalogue;
using Twin.Domain.Geography;
using Twin.Domain.Simulation;
using Twin.Domain.Organisations;

namespace Twin.Benchmarks.Search;

/// <summary>
/// Search over a store of <c>--tickets N</c> tickets (default 1,000,000): the warm start's month of
/// simulated tickets, copied with new ids a month further back each time until N are stored (the
/// month's texts, places and categories, so the words are as frequent as in the product), then
/// indexed set-wise. Each query of a realistic set runs <c>--runs R</c> times (default 20) through
/// the store's search (the index: hits and facets) and as a <c>LIKE '%q%'</c> scan of the same
/// table (hits and the count), alternating; p50 and p95 of each side are printed. A timed run, not
/// a BenchmarkDotNet job: building the store takes minutes.
/// </summary>
public static class SearchScaleBench
{
    private static readonly (string Name, Func<DateTimeOffset, SearchQuery> Query)[] Queries =
    [
        ("place 长寿路", _ => new SearchQuery("长寿路")),
        ("category word 噪声 (2 characters)", _ => new SearchQuery("噪声")),
        ("two characters 积水", _ => new SearchQuery("积水")),
        ("time range + keyword 路面积水, one week", now => new SearchQuery("路面积水") { From = now.AddDays(-14), To = now.AddDays(-7) }),
        ("place 真如镇 + time order", _ => new SearchQuery("真如镇") { Sort = SearchSort.Time }),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var target = BenchArgs.Option(args, "--tickets", 1_000_000);
        var runs = BenchArgs.Option(args, "--runs", 20);
        var directory = Directory.CreateTempSubdirectory("twin-search-scale-");
        try
        {
            var path = Path.Combine(directory.FullName, "twin.db");
            await using var store = new TwinStore(new TwinStoreOptions { DatabasePath = path });
            await store.InitializeAsync();
            var now = new DateTimeOffset(2026, 12, 4, 7, 30, 0, TimeSpan.Zero);
            var build = Stopwatch.StartNew();
            var month = await WarmStartAsync(store, now);
            await store.PauseSearchIndexAsync();
            var stored = Multiply(path, month.Tickets, target);
            await store.RebuildSearchIndexAsync();
            Console.WriteLine($"{stored:N0} tickets stored and indexed in {build.Elapsed.TotalSeconds:F0} s; store {new FileInfo(path).Length / 1048576.0:F0} MiB; load average {BenchArgs.LoadAverage()}");

            await using var scan = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
            await scan.OpenAsync();
            Console.WriteLine("query | index p50 / p95 ms | LIKE scan p50 / p95 ms | hits (index / LIKE)");
            foreach (var (name, make) in Queries)
            {
                var query = make(now) with { Scope = SearchScope.Tickets };
                var (indexed, like) = (new List<double>(), new List<double>());
                var (indexTotal, likeTotal) = (0, 0L);
                for (var i = 0; i < runs + 1; i++)
                {
                    var watch = Stopwatch.StartNew();
                    indexTotal = (await store.SearchAsync(query, AccessScope.CentreOfficer)).Total;
                    var indexMs = watch.Elapsed.TotalMilliseconds;
                    watch.Restart();
                    likeTotal = LikeScan(scan, query);
                    var likeMs = watch.Elapsed.TotalMilliseconds;

                    // The first round warms the page cache for both sides and is not counted.
                    if (i > 0)
                    {
                        indexed.Add(indexMs);
                        like.Add(likeMs);
                    }
                }

                Console.WriteLine($"{name} | {Percentile(indexed, 0.5):F1} / {Percentile(indexed, 0.95):F1} | {Percentile(like, 0.5):F0} / {Percentile(like, 0.95):F0} | {indexTotal:N0} / {likeTotal:N0}");
            }

            Console.WriteLine($"load average after: {BenchArgs.LoadAverage()}");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    private static async Task<WarmStartResult> WarmStartAsync(TwinStore store, DateTimeOffset now)
    {
        var geo = Path.Combine(AppContext.BaseDirectory, "geo");
        var map = DistrictMapLoader.LoadFromDirectory(geo, 500);
        var options = new SimulatorOptions { HistoryDays = 30 };
        var cameras = CameraLayout.Create(map, DistrictMapLoader.LoadMetroStationsFromDirectory(geo), options.Seed);
        return await new WarmStart(map, EventCatalogue.LoadDefault(), cameras, options).RunAsync(store, now);
    }

    /// <summary>Copies the month's tickets, each copy a month further back with its own ids, until <paramref name="target"/> are stored.</summary>
    private static long Multiply(string path, int monthTickets, int target)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        var columns = new List<string>();
        using (var info = connection.CreateCommand())
        {
            info.CommandText = "SELECT name FROM pragma_table_info('tickets')";
            using var reader = info.ExecuteReader();
            while (reader.Read())
            {
                columns.Add(reader.GetString(0));
            }
        }

        var month = TimeSpan.FromDays(30).Ticks;
        string Copy(string column) => column switch
        {
            "id" or "merged_into_id" or "possible_duplicate_of" => $"{column} || '-C' || c.n",
            _ when column.EndsWith("_at", StringComparison.Ordinal) => $"{column} - c.n * {month}",
            _ => column,
        };

        var copies = (target - monthTickets + monthTickets - 1) / Math.Max(monthTickets, 1);
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandTimeout = 0;
        insert.CommandText =
            $"""
            WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < {copies})
            INSERT INTO tickets ({string.Join(", ", columns)})
            SELECT {string.Join(", ", columns.Select(Copy))} FROM c, (SELECT * FROM tickets ORDER BY rowid) t
            LIMIT {Math.Max(target - monthTickets, 0)}
            """;
        insert.ExecuteNonQuery();
        transaction.Commit();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM tickets";
        return (long)count.ExecuteScalar()!;
    }

    /// <summary>What the index answers, by scanning: the newest 50 matches of title, description or address, and their count.</summary>
    private static long LikeScan(SqliteConnection connection, SearchQuery query)
    {
        const string Match = "(title LIKE $q OR description LIKE $q OR address LIKE $q) AND ($from IS NULL OR reported_at >= $from) AND ($to IS NULL OR reported_at < $to)";
        using var hits = connection.CreateCommand();
        hits.CommandText = $"SELECT id, title, address, status, reported_at FROM tickets WHERE {Match} ORDER BY reported_at DESC LIMIT {query.Limit}";
        using var total = connection.CreateCommand();
        total.CommandText = $"SELECT COUNT(*) FROM tickets WHERE {Match}";
        foreach (var command in new[] { hits, total })
        {
            command.Parameters.AddWithValue("$q", "%" + query.Phrase + "%");
            command.Parameters.AddWithValue("$from", query.From is { } from ? from.UtcTicks : DBNull.Value);
            command.Parameters.AddWithValue("$to", query.To is { } to ? to.UtcTicks : DBNull.Value);
        }

        using (var reader = hits.ExecuteReader())
        {
            while (reader.Read())
            {
            }
        }

        return (long)total.ExecuteScalar()!;
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }
}
