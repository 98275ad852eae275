namespace CommandCenter.Tests.Operations;

/// <summary>
/// Tests that read <c>/metrics</c> run alone, after the parallel ones. ASP.NET Core's meters are
/// per host, and OpenTelemetry merges same-named instruments of every live host in the process
/// into one stream, which another test's host ending (its meters disposed) would cut short.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ScrapingCollection
{
    public const string Name = "Scraping /metrics";
}
