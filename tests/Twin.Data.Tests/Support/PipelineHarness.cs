using Microsoft.Extensions.Time.Testing;
using Twin.Data.Pipeline;
using Twin.Data.Store;
using Twin.Domain.Dispatch;
using Twin.Domain.Engine;

namespace Twin.Data.Tests.Support;

/// <summary>An engine, a store on a real file and a running pipeline, as the web host will wire them.</summary>
public sealed class PipelineHarness : IAsyncDisposable
{
    private PipelineHarness(FakeTimeProvider clock, TwinEngine engine, TwinStore store, TwinPipeline pipeline)
    {
        Clock = clock;
        Engine = engine;
        Store = store;
        Pipeline = pipeline;
    }

    public FakeTimeProvider Clock { get; }

    public TwinEngine Engine { get; }

    public TwinStore Store { get; }

    public TwinPipeline Pipeline { get; }

    public Task Running { get; private set; } = Task.CompletedTask;

    public static async Task<PipelineHarness> StartAsync(
        TempDatabase db, FakeTimeProvider clock, TwinPipelineOptions? options = null, TimeSpan? busyTimeout = null, DuplicateRules? duplicates = null,
        Twin.Data.Audit.AuditChain? audit = null)
    {
        var engine = Scenario.Engine(clock, duplicates);
        var store = db.CreateStore(busyTimeout, audit, clock);
        var pipeline = new TwinPipeline(engine, store, options);
        await pipeline.StartupAsync();
        var harness = new PipelineHarness(clock, engine, store, pipeline);
        harness.Running = Task.Run(() => pipeline.RunAsync());
        return harness;
    }

    public async Task<Twin.Data.Boundary.CommandOutcome> SubmitOkAsync(TwinCommand command)
    {
        var result = await Pipeline.SubmitAsync(command);
        Assert.True(result.Accepted, result.Reason);
        return result;
    }

    /// <summary>Lets the queue drain and the writer finish.</summary>
    public async Task StopAsync()
    {
        Pipeline.Complete();
        await Running;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await Store.DisposeAsync();
    }
}
