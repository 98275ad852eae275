using System.Globalization;
using Npgsql;

namespace Twin.LoadTest.Nodes;

/// <summary>
/// Two nodes, A and B, on one fresh PostgreSQL database and one Redis backplane on loopback
/// (docs/two-nodes.md): A starts first and becomes the writer, B follows. The servers are the
/// throw-away ones of <c>scripts/start-postgres.sh</c> and <c>scripts/start-redis.sh</c> unless
/// <c>--postgres</c>/<c>--redis</c> name others. The database is dropped at the end.
/// </summary>
internal sealed class NodeCluster : IAsyncDisposable
{
    private readonly string _server;
    private readonly string _database;
    private readonly string _directory = Directory.CreateTempSubdirectory("cityops-node-bench-").FullName;
    private readonly Dictionary<string, string> _environment;
    private readonly NodeProcess?[] _nodes = new NodeProcess?[2];

    private NodeCluster(string server, string database, string redis)
    {
        _server = server;
        _database = database;
        _environment = new Dictionary<string, string>
        {
            ["Twin__Storage__Provider"] = "Postgres",
            ["Twin__Storage__ConnectionString"] = new NpgsqlConnectionStringBuilder(server) { Database = database }.ToString(),
            ["Twin__Scale__Redis"] = redis,

            // A follower's reload and map reset timings (NodeProcess.FollowTimings), for the fan-out bench.
            ["Logging__LogLevel__CommandCenter.Core.TwinHost"] = "Debug",
            ["Logging__LogLevel__CommandCenter.Map.MapBroadcaster"] = "Debug",
        };
    }

    public static readonly string[] Names = ["A", "B"];

    /// <summary>The node now started under <paramref name="name"/> (a killed one until it is started again).</summary>
    public NodeProcess this[string name] => _nodes[Array.IndexOf(Names, name)] ?? throw new InvalidOperationException($"node {name} was never started");

    public static async Task<NodeCluster> StartAsync(string? postgres, string? redis)
    {
        var server = postgres ?? "Host=127.0.0.1;Port=55432;Username=postgres";
        var database = "twin_node_bench_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(server, $"CREATE DATABASE {database}");
        var cluster = new NodeCluster(server, database, redis ?? "127.0.0.1:56379");
        try
        {
            await cluster.RestartAsync("A");
            await cluster.RestartAsync("B");
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts node <paramref name="name"/> in a new process on the same database and folder (after a kill).</summary>
    public async Task<NodeProcess> RestartAsync(string name)
    {
        var at = Array.IndexOf(Names, name);
        if (_nodes[at] is { } old)
        {
            await old.DisposeAsync();
        }

        _nodes[at] = await NodeProcess.StartAsync(name, Path.Combine(_directory, name.ToLowerInvariant()), _environment);
        return _nodes[at]!;
    }

    /// <summary>The node that says it writes, waiting for one to.</summary>
    public async Task<NodeProcess> WriterAsync()
    {
        NodeProcess? writer = null;
        await NodeProcess.Until(async () =>
        {
            foreach (var node in _nodes.OfType<NodeProcess>().Where(n => n.Alive))
            {
                try
                {
                    if (await node.RoleAsync() == "writer")
                    {
                        writer = node;
                        return true;
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    // Starting or dying: ask again.
                }
            }

            return false;
        }, "one node writes", TimeSpan.FromSeconds(120));
        return writer!;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes.OfType<NodeProcess>())
        {
            await node.DisposeAsync();
        }

        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(_server, $"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder; left for the OS.
        }
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A ticket reported through Open311 at <paramref name="at"/>; its id when the node answered 201 (committed), else null.</summary>
    public static async Task<string?> ReportTicketAsync(NodeProcess node, (double Lon, double Lat) at, string description, CancellationToken ct)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = NodeProcess.Key,
            ["service_code"] = "noise",
            ["lat"] = at.Lat.ToString("R", CultureInfo.InvariantCulture),
            ["long"] = at.Lon.ToString("R", CultureInfo.InvariantCulture),
            ["description"] = description,
        });
        using var response = await node.Http.PostAsync("open311/v2/requests.json", form, ct);
        if (response.StatusCode != System.Net.HttpStatusCode.Created)
        {
            return null;
        }

        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return body.RootElement[0].GetProperty("service_request_id").GetString();
    }
}
