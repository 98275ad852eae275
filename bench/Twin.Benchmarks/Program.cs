using BenchmarkDotNet.Running;
using Twin.Benchmarks.History;

// `-- warm-start [--days N] [--keep FILE]` is a timed run (one run takes most of a minute); the rest are BenchmarkDotNet jobs.
if (args is ["warm-start", ..])
{
    return await WarmStartBench.RunAsync(args);
}

// `-- search-scale [--tickets N] [--runs R] [--provider Sqlite|Postgres|Both] [--keep DIR] [--postgres CONN]`: search over a million stored tickets against a LIKE scan; building a store takes many minutes (--keep keeps it).
if (args is ["search-scale", ..])
{
    return await Twin.Benchmarks.Search.SearchScaleBench.RunAsync(args);
}

// `-- store-providers [--batches N] [--batch-size M] [--submits N] [--producers P] [--postgres CONN]`: SQLite and PostgreSQL side by side.
if (args is ["store-providers", ..])
{
    return await Twin.Benchmarks.Persistence.StoreProvidersBench.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Twin.Benchmarks.FrameRenderBenchmarks).Assembly).Run(args);
return 0;
