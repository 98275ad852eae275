using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Twin.Data.Pipeline;

namespace Twin.Data.Nodes;

/// <summary>
/// The writer's committed changes, streamed to the followers as they commit (NOTIFY <see cref="NodeSignals.Changes"/>,
/// docs/two-nodes.md): a follower's screens show a change with the writer's, instead of after the follower's next
/// reload of the whole state. Only what a follower's map draws travels (<see cref="ChangeStreamJson"/>). The stream is
/// not durable and need not be: a follower still reloads after the writer's commits, and that reload brings what a
/// lost notification (its listener reconnecting) or an item too large for one left out.
/// </summary>
public sealed partial class ChangeStream(NodeSignals signals, TwinPipeline pipeline, ILogger<ChangeStream> logger)
{
    /// <summary>Change sets the writer may queue while a notification is sent; beyond, they are left to the followers' reloads.</summary>
    public const int Capacity = 1024;

    /// <summary>On the writer: sends each committed change set; those committed while one is sent go together in the next.</summary>
    public async Task PublishAsync(CancellationToken ct)
    {
        var committed = Channel.CreateBounded<TwinChangeSet>(new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });

        // A writer's reset (a rebuild after a failed write) is not streamed: the followers' reloads read the same store.
        void OnCommitted(TwinChangeSet changes)
        {
            if (!changes.IsReset)
            {
                committed.Writer.TryWrite(changes);
            }
        }

        pipeline.Committed += OnCommitted;
        try
        {
            var payloads = new List<string>();
            while (await committed.Reader.WaitToReadAsync(ct))
            {
                payloads.Clear();
                while (committed.Reader.TryRead(out var changes))
                {
                    payloads.AddRange(ChangeStreamJson.Write(changes));
                }

                if (payloads.Count == 0)
                {
                    continue;
                }

                try
                {
                    await signals.NotifyAsync(NodeSignals.Changes, payloads, ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogSendFailed(ex, payloads.Count);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        finally
        {
            pipeline.Committed -= OnCommitted;
        }
    }

    /// <summary>On a follower: tells this node's subscribers each change set the writer streams, until disposed.</summary>
    public IDisposable Follow()
    {
        signals.Received += OnReceived;
        return new Following(this);
    }

    private void OnReceived(string channel, string payload)
    {
        if (channel != NodeSignals.Changes)
        {
            return;
        }

        try
        {
            pipeline.RaiseFollowed(ChangeStreamJson.Read(payload));
        }
        catch (JsonException ex)
        {
            LogUnreadable(ex);
        }
    }

    private void Unfollow() => signals.Received -= OnReceived;

    private sealed class Following(ChangeStream stream) : IDisposable
    {
        public void Dispose() => stream.Unfollow();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Streaming {Payloads} change notifications to the followers failed; their reloads bring the changes.")]
    private partial void LogSendFailed(Exception exception, int payloads);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A change set streamed by the writer could not be read; the next reload brings it.")]
    private partial void LogUnreadable(Exception exception);
}
