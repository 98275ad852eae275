using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CommandCenter.BrowserTests;

/// <summary>
/// Runs the real CommandCenter as its own process on a free loopback port, with a throw-away
/// database folder, for as long as the test collection runs.
/// </summary>
public sealed class AppServerFixture : IAsyncLifetime
{
    // /healthz answers 200 once the twin runs AND the accounts from settings exist (the tests sign in
    // at once); on a machine shared by several builds the latter alone was seen to take 45 s.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("cityops-browsertests-").FullName;
    private readonly Lock _logLock = new();
    private Process? _process;
    private StreamWriter? _log;
    private ProcessStartInfo? _start;

    /// <summary>Where the app listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The SQLite file the app is told to use (config key Twin:Storage:DatabasePath).</summary>
    public string DatabasePath => Path.Combine(_dataDirectory, "twin.db");

    /// <summary>Where the twin's clock starts (its warm-started history ends here).</summary>
    public DateTimeOffset StartAt { get; private set; }

    /// <summary>Settings (environment variables, <c>Twin__…</c>) over the defaults below, for a test's own app; set before it starts.</summary>
    public IDictionary<string, string> Settings { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The app's stdout and stderr, kept under artifacts/logs for diagnosing failed runs.</summary>
    public string LogPath { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var port = FreeLoopbackPort();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        // One file per port: each test collection starts its own app.
        LogPath = Path.Combine(RepoPaths.Artifacts("logs"), $"app-server-{port}.log");

        // The test project references CommandCenter, so its build output (dll, deps, runtimeconfig and
        // static web assets manifests) is copied next to the test assembly.
        var appDirectory = AppContext.BaseDirectory;
        var start = new ProcessStartInfo
        {
            // `dotnet test` exports the host it runs on; fall back to PATH when run from elsewhere.
            FileName = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            ArgumentList = { Path.Combine(appDirectory, "CommandCenter.dll"), "--urls", BaseUrl.GetLeftPart(UriPartial.Authority) },
            WorkingDirectory = appDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // A bin/ build serves Blazor's and MudBlazor's static files only in Development, where the
        // static web assets manifest maps them to the source tree and the NuGet cache.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Twin__Storage__DatabasePath"] = DatabasePath;
        start.Environment["Twin__Simulator__SpeedFactor"] = "60";
        start.Environment["Twin__Simulator__HistoryDays"] = "0";
        // Signed in as a deployment would be: a bootstrap admin password and a wall device token in settings.
        start.Environment["Twin__Security__BootstrapAdmin__Password"] = BrowserAccounts.AdminPassword;
        start.Environment["Twin__Security__WallToken"] = BrowserAccounts.WallToken;
        start.Environment["Twin__Security__LoginAttemptsPerMinute"] = "100000";

        // Today 09:30 in Shanghai: the wall shows its busy morning whenever the suite runs.
        StartAt = Twin.Domain.Time.ShanghaiClock.StartOfDay(DateTimeOffset.UtcNow).AddHours(9.5);
        start.Environment["Twin__Simulator__StartAt"] = StartAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        start.Environment.Remove("ASPNETCORE_URLS");
        foreach (var (key, value) in Settings)
        {
            start.Environment[key] = value;
        }

        _start = start;
        _log = new StreamWriter(LogPath, append: false) { AutoFlush = true };
        await StartProcessAsync();
    }

    /// <summary>Kills the app (SIGKILL, as a crash or a pulled plug would end it); <see cref="RestartAsync"/> brings it back.</summary>
    public Task StopAsync() => StopProcessAsync();

    /// <summary>Starts the app again on the same port and database, and returns once /healthz answers 200.</summary>
    public Task RestartAsync() => StartProcessAsync();

    private async Task StartProcessAsync()
    {
        var start = _start!;
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => WriteLog(e.Data);
        _process.ErrorDataReceived += (_, e) => WriteLog(e.Data);
        if (!_process.Start())
        {
            throw new InvalidOperationException($"Could not start {start.FileName}.");
        }

        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        try
        {
            await WaitUntilHealthyAsync();
        }
        catch
        {
            // Do not leave a half-started app behind if xunit skips disposing a failed fixture.
            await StopProcessAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        await StopProcessAsync();

        lock (_logLock)
        {
            _log?.Dispose();
            _log = null;
        }

        Directory.Delete(_dataDirectory, recursive: true);
    }

    private async Task StopProcessAsync()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _process.WaitForExitAsync(timeout.Token);
        _process.Dispose();
        _process = null;
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException(
                    $"CommandCenter exited with code {_process.ExitCode} before /healthz answered. Log: {LogPath}");
            }

            try
            {
                using var response = await http.GetAsync("healthz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but still starting up; ask again.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"CommandCenter did not answer 200 on /healthz within {StartTimeout.TotalSeconds} s. Log: {LogPath}");
    }

    private void WriteLog(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logLock)
        {
            _log?.WriteLine(line);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
