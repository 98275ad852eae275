using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CommandCenter.Tests.Notifications;

/// <summary>
/// A webhook receiver on loopback (real Kestrel, a free port): it records every POST per path and
/// answers each path with the status it is told (200 unless set; a path may fail its first N calls).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _status = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _failFirst = new(StringComparer.Ordinal);

    private WebhookReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<(string Path, string Body)> Received { get; } = new();

    /// <summary>Each POST's query string, e.g. a DingTalk robot's <c>?timestamp=…&amp;sign=…</c>.</summary>
    public ConcurrentQueue<(string Path, string Query)> Queries { get; } = new();

    public string BaseUrl { get; private set; } = string.Empty;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/{name}", async (string name, HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            receiver.Received.Enqueue((name, await reader.ReadToEndAsync()));
            receiver.Queries.Enqueue((name, request.QueryString.Value ?? string.Empty));
            if (receiver._failFirst.TryGetValue(name, out var left) && left > 0)
            {
                receiver._failFirst[name] = left - 1;
                return Results.StatusCode(500);
            }

            return Results.StatusCode(receiver._status.GetValueOrDefault(name, 200));
        });
        await app.StartAsync();
        receiver.BaseUrl = app.Urls.Single();
        return receiver;
    }

    public void Answer(string path, int status) => _status[path] = status;

    public void FailFirst(string path, int calls) => _failFirst[path] = calls;

    public IReadOnlyList<string> BodiesOf(string path) => Received.Where(r => r.Path == path).Select(r => r.Body).ToList();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
