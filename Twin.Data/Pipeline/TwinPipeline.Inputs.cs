using System.Diagnostics;
using System.Threading.Channels;
using Twin.Data.Boundary;
using Twin.Domain.Emergency;
using Twin.Domain.Engine;

namespace Twin.Data.Pipeline;

/// <summary>
/// How the writer takes its inputs: in arrival order, except that changes of mode go first. A
/// supervisor's confirmation of an emergency turns every wall to the emergency scene once it is
/// committed (a mode is durable state), and the walls must follow within 2 s (issue 17); in
/// arrival order it waited behind up to a batch of the simulator's posted readings and was then
/// written inside the next such batch, thousands of rows. Going first, it is applied and committed
/// in a batch of its own as soon as the batch being written is done. A person's change of mode was
/// made against the committed picture, which none of the readings queued before it are part of
/// yet, so applying it before them is an order the twin could have seen anyway. It is queued in
/// both lanes, so the writer wakes for it as for any input, and is taken from whichever lane
/// reaches it first.
/// </summary>
public sealed partial class TwinPipeline
{
    private static bool GoesFirst(TwinCommand command) =>
        command is ConfirmProposalCommand or StartEmergencyCommand or ChangeResponseLevelCommand or EndEmergencyCommand;

    /// <summary>Takes the changes of mode waiting into <paramref name="batch"/>; false when there were none.</summary>
    private bool TakeFirst(List<Pending> batch)
    {
        while (batch.Count < _options.MaxBatch && _first.Reader.TryRead(out var pending))
        {
            if (Take(pending))
            {
                batch.Add(pending);
            }
        }

        return batch.Count > 0;
    }

    /// <summary>False for the second copy of an input that went first (only the writer's loop calls this).</summary>
    private static bool Take(Pending pending)
    {
        if (pending.Lane is not { } lane)
        {
            return true;
        }

        if (lane.Taken)
        {
            return false;
        }

        lane.Taken = true;
        return true;
    }

    /// <summary>
    /// Waits for input; while the snapshot is stale, wakes up in time to rebuild it so that it
    /// never lags a change by more than the snapshot interval.
    /// </summary>
    private async ValueTask<bool> WaitForInputAsync(ChannelReader<Pending> reader, CancellationToken ct)
    {
        var waiting = reader.WaitToReadAsync(ct);
        if (waiting.IsCompleted || !_snapshotStale)
        {
            return await waiting;
        }

        var due = _options.SnapshotInterval - Stopwatch.GetElapsedTime(_snapshotBuiltAt);
        if (due > TimeSpan.Zero)
        {
            using var delayCancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var waitingTask = waiting.AsTask();
            if (await Task.WhenAny(waitingTask, Task.Delay(due, delayCancel.Token)) == waitingTask)
            {
                await delayCancel.CancelAsync();
                return await waitingTask;
            }

            waiting = new ValueTask<bool>(waitingTask);
        }

        PublishSnapshot();
        return await waiting;
    }

    /// <param name="Lane">Set for an input that goes first (<see cref="GoesFirst"/>): it is queued twice, and taken once.</param>
    private readonly record struct Pending(TwinCommand Command, TaskCompletionSource<CommandOutcome>? Ack, FirstLane? Lane = null, long? InboxId = null);

    private sealed class FirstLane
    {
        public bool Taken { get; set; }
    }
}
