using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using CommandCenter.Audit;
using CommandCenter.Security;
using CommandCenter.Tests.Ingestion;
using CommandCenter.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Twin.Data.Audit;

namespace CommandCenter.Tests.Access;

/// <summary>
/// Reporters' contacts: stored encrypted, never in any log line at any level while the app takes
/// reports, serves pages, the hub and the Open311 reads, and reveals a contact to an officer;
/// revealed only with a reason, and audited.
/// </summary>
public sealed class PersonalDataTests : IAsyncLifetime
{
    private const string Surname = "欧阳";
    private const string GivenName = "测试明";
    private const string Phone = "13987654321";
    private readonly CapturingLoggerProvider _logs = new();
    private IngestionApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = new IngestionAppWithLogs(_logs);
        await ((IAsyncLifetime)_app).InitializeAsync();
    }

    public async Task DisposeAsync() => await ((IAsyncLifetime)_app).DisposeAsync();

    [Fact]
    public async Task A_day_of_traffic_with_a_reveal_leaves_no_reporter_name_or_phone_in_any_log_line()
    {
        var at = _app.InsidePoint();
        var response = await _app.CreateClient().PostAsync("/open311/v2/requests.json", IngestionApp.Form(
            ("api_key", IngestionApp.Key), ("service_code", "noise"), ("lat", at.Lat.ToString("R", CultureInfo.InvariantCulture)), ("long", at.Lon.ToString("R", CultureInfo.InvariantCulture)),
            ("description", "夜间施工噪音扰民"), ("first_name", GivenName), ("last_name", Surname), ("phone", Phone)));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var ticketId = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement[0].GetProperty("service_request_id").GetString()!;

        // Stored, but not readable from the file.
        Assert.Equal(0, _app.Count($"tickets WHERE reporter_phone LIKE '%{Phone}%' OR reporter_name LIKE '%{Surname}%'"));
        Assert.Equal(1, _app.Count($"tickets WHERE id = '{ticketId}' AND reporter_phone IS NOT NULL"));

        using var officer = await _app.SignInAsync(Roles.Officer);
        using var wall = await _app.SignInAsync(Roles.Wall);
        Assert.Equal(HttpStatusCode.OK, (await officer.Client.GetAsync("/console")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await wall.Client.GetAsync("/")).StatusCode);
        var read = await _app.CreateClient().GetStringAsync($"/open311/v2/requests/{ticketId}.json");
        Assert.DoesNotContain(Phone, read);
        await using (var hub = wall.CreateHubConnection())
        {
            var replica = new MapReplica(hub, recordStates: false);
            await hub.StartAsync();
            await Eventually.Until(() => replica.RawMessages.Any(m => m.Contains(ticketId, StringComparison.Ordinal)), "the ticket reaches the hub");
            Assert.DoesNotContain(replica.RawMessages, m => m.Contains(Phone, StringComparison.Ordinal) || m.Contains(GivenName, StringComparison.Ordinal));
        }

        await using var scope = _app.Services.CreateAsyncScope();
        var reveal = scope.ServiceProvider.GetRequiredService<ContactRevealService>();
        var principal = TestAccounts.Principal(Roles.Officer);
        var noReason = await reveal.RevealAsync(principal, ticketId, "  ", AuditOrigin.None);
        Assert.Null(noReason.Contact);
        var revealed = await reveal.RevealAsync(principal, ticketId, "回访核实施工时间", new AuditOrigin("10.1.2.3", "tests"));
        Assert.Equal(Phone, revealed.Contact?.Phone);
        Assert.Contains(GivenName, revealed.Contact?.Name);

        var audit = _app.Services.GetRequiredService<AuditTrail>();
        await audit.FlushAsync();
        var reveals = await audit.Log.QueryAsync(new AuditQuery(ActionPrefix: AuditActions.ContactRevealed, Target: ticketId));
        var entry = Assert.Single(reveals);
        Assert.Equal(TestAccounts.UserNameFor(Roles.Officer), entry.Entry.Actor);
        Assert.Contains("回访核实施工时间", entry.Entry.Detail);
        Assert.Equal("10.1.2.3", entry.Entry.Ip);
        Assert.DoesNotContain(Phone, entry.Entry.Detail);

        var lines = _logs.Lines;
        Assert.True(lines.Count > 50, $"the capture saw the run ({lines.Count} lines)");
        Assert.DoesNotContain(lines, l => l.Contains(Phone, StringComparison.Ordinal) || l.Contains(GivenName, StringComparison.Ordinal)
            || l.Contains(Surname + GivenName, StringComparison.Ordinal) || l.Contains(GivenName + " " + Surname, StringComparison.Ordinal));
    }

    private sealed class IngestionAppWithLogs(CapturingLoggerProvider logs) : IngestionApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Logging:LogLevel:Default", "Trace");
            builder.UseSetting("Logging:LogLevel:Microsoft", "Trace");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Trace");
            builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Trace");
            builder.ConfigureLogging(l => l.AddProvider(logs));
        }
    }
}

/// <summary>Keeps every log line, its exception and its scopes, at every level, for scanning.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _lines = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Capture(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Capture(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<string>();
            owner._scopes.ForEachScope((scope, list) => list.Add(scope?.ToString() ?? ""), scopes);
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            owner._lines.Enqueue($"{logLevel} {category} {formatter(state, exception)} {values} {exception} {string.Join("|", scopes)}");
        }
    }
}
