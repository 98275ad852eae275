using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Twin.Benchmarks.FrameRenderBenchmarks).Assembly).Run(args);
