using System.Text.Json;
using CommandCenter.Tests.Support;

namespace CommandCenter.Tests.Nodes;

/// <summary>What the two-node tests share: the settings that put nodes on one PostgreSQL database and one Redis backplane, and the role a node reports.</summary>
internal static class TwoNodes
{
    public static async Task<Dictionary<string, string>> EnvironmentAsync(PostgresDatabase database) => new()
    {
        ["Twin__Storage__Provider"] = "Postgres",
        ["Twin__Storage__ConnectionString"] = database.ConnectionString,
        ["Twin__Scale__Redis"] = await RedisServer.ConnectionStringAsync(),
    };

    /// <summary>The twin's line in /healthz: "… as the writer" or "… following the writer …".</summary>
    public static async Task<string> TwinCheckAsync(RealApp app) =>
        JsonDocument.Parse(await app.Http.GetStringAsync("healthz")).RootElement.GetProperty("checks").GetProperty("twin").GetProperty("description").GetString()!;
}
