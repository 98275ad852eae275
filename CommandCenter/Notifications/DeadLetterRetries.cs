using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Twin.Data.Boundary;
using Twin.Data.Nodes;

namespace CommandCenter.Notifications;

/// <summary>What became of an admin's retry of a dead letter.</summary>
public enum RetryResult
{
    Delivered,
    StillFailing,

    /// <summary>Handed to the writer, which had not answered by the time every try could have been made.</summary>
    NoAnswer,
}

/// <summary>
/// An admin's retry of a dead letter, sent by the writer alone (docs/two-nodes.md): notifications
/// are the writer's to deliver, and an admin page on a follower would otherwise post from a node
/// that may not even reach the receiver. A follower hands the letter's id to the writer on
/// <see cref="NodeSignals.DeadLetterRetries"/> and watches the stored list for the outcome: the
/// letter gone (delivered) or marked failed again. The writer takes each id once at a time, so a
/// double click or a repeated notification does not post twice at once.
/// </summary>
public sealed partial class DeadLetterRetries(
    WebhookSender sender, DeadLetters letters, NodeRole role, IOptions<NotificationOptions> options, ILogger<DeadLetterRetries> logger,
    TwinNodes? nodes = null) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    private readonly ConcurrentDictionary<Guid, bool> _inFlight = new();

    public async Task<RetryResult> RetryAsync(Guid id, CancellationToken ct)
    {
        if (nodes is null || role.IsWriting)
        {
            return await sender.RetryAsync(id, ct) ? RetryResult.Delivered : RetryResult.StillFailing;
        }

        if (await letters.FindAsync(id, ct) is not { } before)
        {
            return RetryResult.StillFailing;
        }

        await nodes.Signals.NotifyAsync(NodeSignals.DeadLetterRetries, id.ToString("N"), ct);
        var deadline = DateTimeOffset.UtcNow + AnswerBound(options.Value);
        while (DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(Poll, ct);
            var now = await letters.FindAsync(id, ct);
            if (now is null)
            {
                return RetryResult.Delivered;
            }

            if (now.FailedAt != before.FailedAt || now.Attempts != before.Attempts)
            {
                return RetryResult.StillFailing;
            }
        }

        return RetryResult.NoAnswer;
    }

    /// <summary>Every try timing out, with the backoff between them, and a margin for the hand-off.</summary>
    internal static TimeSpan AnswerBound(NotificationOptions o) =>
        TimeSpan.FromSeconds(o.MaxAttempts * o.AttemptTimeoutSeconds)
        + TimeSpan.FromMilliseconds(o.FirstRetryDelayMilliseconds * ((1L << (o.MaxAttempts - 1)) - 1))
        + TimeSpan.FromSeconds(5);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (nodes is null)
        {
            return Task.CompletedTask;
        }

        void OnReceived(string channel, string payload)
        {
            if (channel == NodeSignals.DeadLetterRetries && role.IsWriting && Guid.TryParseExact(payload, "N", out var id) && _inFlight.TryAdd(id, true))
            {
                _ = RetryForFollowerAsync(id, stoppingToken);
            }
        }

        nodes.Signals.Received += OnReceived;
        stoppingToken.Register(() => nodes.Signals.Received -= OnReceived);
        return Task.CompletedTask;
    }

    private async Task RetryForFollowerAsync(Guid id, CancellationToken ct)
    {
        try
        {
            var delivered = await sender.RetryAsync(id, ct);
            LogRetried(id, delivered);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The letter stays in the list as it was; the follower's admin sees no answer and may try again.
            LogRetryFailed(ex, id);
        }
        finally
        {
            _inFlight.TryRemove(id, out _);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dead letter {Id} retried for a follower's admin: delivered {Delivered}.")]
    private partial void LogRetried(Guid id, bool delivered);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dead letter {Id}: the retry a follower asked for failed.")]
    private partial void LogRetryFailed(Exception exception, Guid id);
}
