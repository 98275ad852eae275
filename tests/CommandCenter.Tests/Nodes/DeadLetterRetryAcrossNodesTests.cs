using CommandCenter.Notifications;
using CommandCenter.Security;
using CommandCenter.Tests.Notifications;
using CommandCenter.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Twin.Data.Boundary;

namespace CommandCenter.Tests.Nodes;

/// <summary>
/// Issue 20 on two nodes (docs/two-nodes.md): an admin's dead-letter retry on follower B is sent by
/// writer A, the only node that delivers notifications. B's own webhook client refuses every post,
/// so a delivery can only have come from A; B's admin still learns the outcome.
/// </summary>
public sealed class DeadLetterRetryAcrossNodesTests : IAsyncLifetime
{
    private const string Hook = "configured";

    private readonly TwinAppFactory _factoryA = new();
    private readonly TwinAppFactory _factoryB = new();
    private readonly RefusingHandler _onB = new();
    private PostgresDatabase _database = null!;
    private WebhookReceiver _receiver = null!;
    private WebApplicationFactory<Program> _a = null!;
    private WebApplicationFactory<Program> _b = null!;

    public async Task InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        _database = await PostgresDatabase.CreateAsync();
        _a = _factoryA.WithWebHostBuilder(OnDatabase);
        await _a.Services.AppTwin().Ready.WaitAsync(TimeSpan.FromMinutes(2));
        await _a.Services.GetRequiredService<SecurityBootstrap>().Ready.WaitAsync(TimeSpan.FromSeconds(60));
        await _a.Services.GetRequiredService<NodeRole>().Writing.WaitAsync(TimeSpan.FromSeconds(60));
        _b = _factoryB.WithWebHostBuilder(b =>
        {
            OnDatabase(b);
            b.ConfigureTestServices(s => s.AddHttpClient(WebhookSender.ClientName).ConfigurePrimaryHttpMessageHandler(() => _onB));
        });
        await _b.Services.AppTwin().Ready.WaitAsync(TimeSpan.FromMinutes(2));
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
        await _factoryB.DisposeAsync();
        await _factoryA.DisposeAsync();
        await _database.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task A_retry_on_the_follower_is_sent_once_by_the_writer_and_its_outcome_shown_on_the_follower()
    {
        Assert.False(_b.Services.GetRequiredService<NodeRole>().IsWriting);
        var retries = _b.Services.GetRequiredService<DeadLetterRetries>();

        var delivered = await LetterAsync("delivered-1");
        Assert.Equal(RetryResult.Delivered, await retries.RetryAsync(delivered.Id, CancellationToken.None));
        Assert.Single(_receiver.Received, r => r.Path == Hook);
        Assert.DoesNotContain(await _b.Services.GetRequiredService<DeadLetters>().ListAsync(), l => l.Id == delivered.Id);

        _receiver.Answer(Hook, 500);
        var failing = await LetterAsync("failing-1");
        Assert.Equal(RetryResult.StillFailing, await retries.RetryAsync(failing.Id, CancellationToken.None));
        var kept = (await _b.Services.GetRequiredService<DeadLetters>().FindAsync(failing.Id))!;
        Assert.Equal((failing.Attempts + 2, "HTTP 500 Internal Server Error"), (kept.Attempts, kept.LastError));
        Assert.Equal(3, _receiver.Received.Count(r => r.Path == Hook));

        Assert.Equal(0, _onB.Calls);
    }

    /// <summary>A dead letter of the configured webhook, as the writer's notifier leaves one.</summary>
    private async Task<DeadLetter> LetterAsync(string key)
    {
        var hook = await _a.Services.GetRequiredService<WebhookDirectory>().FindAsync(WebhookTarget.ConfiguredPrefix + Hook);
        Assert.NotNull(hook);
        var letter = new DeadLetter(Guid.NewGuid(), hook.Id, hook.Name, hook.Label, NotificationKind.CriticalAlarm, key, "测试", DateTimeOffset.UtcNow.AddMinutes(-1), 2, "HTTP 503");
        await _a.Services.GetRequiredService<DeadLetters>().AddAsync(letter);
        return letter;
    }

    private void OnDatabase(IWebHostBuilder builder) => builder
        .UseSetting("Twin:Storage:Provider", "Postgres")
        .UseSetting("Twin:Storage:ConnectionString", _database.ConnectionString)
        .UseSetting("Twin:Simulator:Enabled", "false")
        .UseSetting("Twin:Notifications:MaxAttempts", "2")
        .UseSetting("Twin:Notifications:FirstRetryDelayMilliseconds", "10")
        .UseSetting("Twin:Notifications:Webhooks:0:Name", Hook)
        .UseSetting("Twin:Notifications:Webhooks:0:Url", _receiver.BaseUrl + "/" + Hook);

    private sealed class RefusingHandler : HttpMessageHandler
    {
        private int _calls;

        public int Calls => _calls;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            throw new HttpRequestException("node B must not post webhooks");
        }
    }
}
