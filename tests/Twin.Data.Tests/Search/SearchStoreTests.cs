using Twin.Data.Search;
using Twin.Data.Store;
using Twin.Data.Store.Providers;
using Twin.Data.Tests.Support;
using Twin.Domain.Engine;

namespace Twin.Data.Tests.Search;

/// <summary>A fresh store (of each provider: the subclasses run once per engine) with the district's places indexed, and an engine on a fake clock whose writes the tests put into it.</summary>
public abstract class SearchStoreTests : IAsyncLifetime
{
    private readonly TempDatabase _db;

    protected SearchStoreTests(StorageProvider provider)
    {
        _db = new TempDatabase(provider);
        Store = _db.CreateStore();
        Engine = Scenario.Engine(Clock);
    }

    protected TwinStore Store { get; }

    protected Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock { get; } = Scenario.Clock();

    protected TwinEngine Engine { get; }

    public async Task InitializeAsync()
    {
        await Store.InitializeAsync();
        await Store.IndexPlacesAsync(SearchPlaces.Of(TestDistrict.Map));
    }

    public async Task DisposeAsync()
    {
        await Store.DisposeAsync();
        _db.Dispose();
    }
}
