using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CityOps.AppProcesses;

/// <summary>
/// Starts the real app (<c>CommandCenter.dll</c> beside the caller) as its own process on a free
/// loopback port, in Testing, with a 50-sensor fleet without history and one ingestion source: one
/// place for the failover test's <c>RealApp</c> and the node bench's <c>NodeProcess</c> (linked into
/// both projects), so that the bench measures the nodes the test checks.
/// </summary>
internal static class AppProcess
{
    /// <param name="directory">The node's own folder: its SQLite file (unused on PostgreSQL) and key folder.</param>
    /// <param name="onOutput">Each line the app writes (its JSON logs), as it comes; null to drop them.</param>
    public static (Process Process, Uri BaseAddress) Start(
        string directory, IngestionSource source, string wallToken, IReadOnlyDictionary<string, string>? environment = null, Action<string>? onOutput = null)
    {
        var port = FreeLoopbackPort();
        var start = new ProcessStartInfo
        {
            FileName = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "CommandCenter.dll"), "--urls", $"http://127.0.0.1:{port}" },
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Twin__Storage__DatabasePath"] = Path.Combine(directory, "twin.db");
        start.Environment["Twin__Security__KeyDirectory"] = Path.Combine(directory, "keys");
        // A small fleet keeps each start-up short; the simulator only provides sensors to post to.
        start.Environment["Twin__Simulator__SensorCount"] = "50";
        start.Environment["Twin__Simulator__HistoryDays"] = "0";
        start.Environment["Twin__Ingestion__Sources__0__Name"] = source.Name;
        start.Environment["Twin__Ingestion__Sources__0__ApiKey"] = source.Key;
        start.Environment["Twin__Ingestion__Sources__0__RatePerMinute"] = source.RatePerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < source.Scopes.Count; i++)
        {
            start.Environment[$"Twin__Ingestion__Sources__0__Scopes__{i}"] = source.Scopes[i];
        }

        start.Environment["Twin__Security__WallToken"] = wallToken;
        // Many sign-ins from one loopback address are not an attack.
        start.Environment["Twin__Security__LoginAttemptsPerMinute"] = "100000";
        start.Environment.Remove("ASPNETCORE_URLS");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start CommandCenter.");
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                onOutput?.Invoke(line);
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (process, new Uri($"http://127.0.0.1:{port}/"));
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The one ingestion source an app process is started with: its key is sent as <c>X-Api-Key</c>.</summary>
internal sealed record IngestionSource(string Name, string Key, int RatePerMinute, IReadOnlyList<string> Scopes);
