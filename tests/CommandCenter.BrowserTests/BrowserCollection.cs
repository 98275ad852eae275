namespace CommandCenter.BrowserTests;

/// <summary>
/// Browser tests share one app process and one Chromium; xunit runs the tests of a collection one
/// after another, which also keeps a 2-core CI machine from running several browsers at once.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<AppServerFixture>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
