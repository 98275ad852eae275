using System.Data.Common;
using System.Diagnostics;
using Twin.Data.Search;
using Twin.Data.Store;
using Twin.Data.Store.Providers;
using Twin.Domain.Organisations;

namespace Twin.Benchmarks.Search;

/// <summary>
/// Search over a store of <c>--tickets N</c> tickets (default 1,000,000; see <see cref="SearchScaleStore"/>)
/// on SQLite, PostgreSQL or both (<c>--provider Sqlite|Postgres|Both</c>, default both; PostgreSQL is
/// the server of <c>--postgres</c>, default scripts/start-postgres.sh's cluster). Each query of a
/// realistic set runs <c>--runs R</c> times (default 20) through the store's search (hits, the
/// capped total and facets) and as a <c>LIKE '%q%'</c> scan of the same table (the newest 50 and the
/// count), alternating, after five untimed searches of each query; p50 and p95 of each side are printed,
/// and the CPU time of the process per search. A timed run, not a BenchmarkDotNet job.
/// </summary>
public static class SearchScaleBench
{
    private static readonly (string Name, Func<DateTimeOffset, SearchQuery> Query)[] Queries =
    [
        ("place 长寿路", _ => new SearchQuery("长寿路")),
        ("category word 噪声 (2 characters)", _ => new SearchQuery("噪声")),
        ("two characters 积水", _ => new SearchQuery("积水")),
        ("time range + keyword 路面积水, one week", now => new SearchQuery("路面积水") { From = now.AddDays(-14), To = now.AddDays(-7) }),
        ("time range + keyword 积水, one week", now => new SearchQuery("积水") { From = now.AddDays(-14), To = now.AddDays(-7) }),
        ("place 真如镇 + time order", _ => new SearchQuery("真如镇") { Sort = SearchSort.Time }),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var target = BenchArgs.Option(args, "--tickets", 1_000_000);
        var runs = BenchArgs.Option(args, "--runs", 20);
        var keep = BenchArgs.Text(args, "--keep");
        var server = BenchArgs.Text(args, "--postgres")
            ?? Environment.GetEnvironmentVariable("TWIN_TEST_POSTGRES") ?? "Host=127.0.0.1;Port=55432;Username=postgres";
        var providers = (BenchArgs.Text(args, "--provider") ?? "Both") switch
        {
            "Both" => new[] { StorageProvider.Sqlite, StorageProvider.Postgres },
            var one => [Enum.Parse<StorageProvider>(one)],
        };

        foreach (var provider in providers)
        {
            await using var built = await SearchScaleStore.OpenAsync(provider, keep, server, target);
            await using var store = new TwinStore(built.Options);
            await store.InitializeAsync();
            await using var scan = await built.OpenScanConnectionAsync();
            Console.WriteLine($"{provider}, {await built.CountTicketsAsync():N0} tickets; load average before: {BenchArgs.LoadAverage()}");
            // The JIT's warm-up as well as the page cache's: a running server has compiled search's code at its
            // full tier long before; without this the first queries measured pay for the tiering (and its CPU).
            for (var i = 0; i < 5; i++)
            {
                foreach (var (_, make) in Queries)
                {
                    await store.SearchAsync(make(SearchScaleStore.Now) with { Scope = SearchScope.Tickets }, AccessScope.CentreOfficer);
                }
            }

            Console.WriteLine("| query | index p50 / p95 ms | index CPU p50 ms | LIKE scan p50 / p95 ms | matches (index total / LIKE count) |");
            Console.WriteLine("|---|---|---|---|---|");
            foreach (var (name, make) in Queries)
            {
                var query = make(SearchScaleStore.Now) with { Scope = SearchScope.Tickets };
                var (indexed, cpu, like) = (new List<double>(), new List<double>(), new List<double>());
                var (total, likeTotal) = (string.Empty, 0L);
                for (var i = 0; i < runs + 1; i++)
                {
                    // The process's CPU time as well: on a machine loaded many times over its cores, wall clock is mostly waiting for a core.
                    var cpuBefore = CpuTime.Process();
                    var watch = Stopwatch.StartNew();
                    var result = await store.SearchAsync(query, AccessScope.CentreOfficer);
                    var indexMs = watch.Elapsed.TotalMilliseconds;
                    var cpuMs = (CpuTime.Process() - cpuBefore).TotalMilliseconds;
                    total = result.TotalIsLowerBound ? $"{result.Total:N0}+" : $"{result.Total:N0}";
                    watch.Restart();
                    likeTotal = await LikeScanAsync(scan, query);
                    var likeMs = watch.Elapsed.TotalMilliseconds;

                    // The first round warms the page cache for both sides and is not counted.
                    if (i > 0)
                    {
                        indexed.Add(indexMs);
                        cpu.Add(cpuMs);
                        like.Add(likeMs);
                    }
                }

                Console.WriteLine($"| {name} | {Percentile(indexed, 0.5):F1} / {Percentile(indexed, 0.95):F1} | {Percentile(cpu, 0.5):F1} | {Percentile(like, 0.5):F0} / {Percentile(like, 0.95):F0} | {total} / {likeTotal:N0} |");
            }

            Console.WriteLine($"{provider}: load average after: {BenchArgs.LoadAverage()}");
        }

        return 0;
    }

    /// <summary>What the index answers, by scanning: the newest 50 matches of title, description or address, and their count.</summary>
    private static async Task<long> LikeScanAsync(DbConnection connection, SearchQuery query)
    {
        var match = "(title LIKE @q OR description LIKE @q OR address LIKE @q)"
            + (query.From is null ? string.Empty : " AND reported_at >= @from")
            + (query.To is null ? string.Empty : " AND reported_at < @to");
        await using var hits = Command(connection, query, $"SELECT id, title, address, status, reported_at FROM tickets WHERE {match} ORDER BY reported_at DESC LIMIT {query.Limit}");
        await using (var reader = await hits.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
            }
        }

        await using var total = Command(connection, query, $"SELECT COUNT(*) FROM tickets WHERE {match}");
        return Convert.ToInt64(await total.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static DbCommand Command(DbConnection connection, SearchQuery query, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        Add(command, "@q", "%" + query.Phrase + "%");
        if (query.From is { } from)
        {
            Add(command, "@from", from.UtcTicks);
        }

        if (query.To is { } to)
        {
            Add(command, "@to", to.UtcTicks);
        }

        return command;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }
}
