using Microsoft.EntityFrameworkCore;
using Twin.Data.Store;

namespace Twin.Data.Tests.Store;

public sealed class ModelMigrationTests
{
    [Fact]
    public void The_migrations_hold_every_change_to_the_model()
    {
        // Compares the model with the migrations' snapshot only: no database is opened, so the
        // failure names the cause instead of surfacing as the store failing to start.
        var options = new DbContextOptionsBuilder<TwinDbContext>().UseSqlite("Data Source=:memory:").Options;
        using var context = new TwinDbContext(options);

        Assert.False(
            context.Database.HasPendingModelChanges(),
            "The EF model has changes that no migration holds: run `dotnet ef migrations add <Name> --project Twin.Data`.");
    }
}
