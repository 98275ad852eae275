using CommandCenter.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.FileProviders;
using Twin.Data.Audit;
using Twin.Data.Store;

namespace CommandCenter.Tests.Access;

/// <summary><c>dotnet run --project CommandCenter -- audit verify</c>: 0 for an intact log, 1 and the first bad row for a tampered one.</summary>
public sealed class AuditVerifyCommandTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cityops-verify-").FullName;

    private string DatabasePath => Path.Combine(_directory, "twin.db");

    public async Task InitializeAsync()
    {
        await using var store = new TwinStore(new TwinStoreOptions { DatabasePath = DatabasePath });
        await store.InitializeAsync();
        var at = DateTimeOffset.UtcNow;
        await new AuditLog(store).AppendAsync(Enumerable.Range(1, 5)
            .Select(i => new AuditEntry(at.AddSeconds(i), "officer", "ticket.transition", $"T-{i}", AuditOutcome.Success, null, null, null)).ToList());
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task It_exits_zero_on_an_intact_log_and_one_naming_the_first_bad_row_after_an_edit()
    {
        var (intact, intactOutput) = await RunAsync();
        Assert.Equal(0, intact);
        Assert.Contains("intact: 5 rows", intactOutput);

        using (var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET target = 'T-99' WHERE id = 3;";
            command.ExecuteNonQuery();
        }

        var (tampered, output) = await RunAsync();
        Assert.Equal(1, tampered);
        Assert.Contains("first bad row 3", output);
    }

    private async Task<(int Exit, string Output)> RunAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Twin:Storage:DatabasePath"] = DatabasePath }).Build();
        var output = new StringWriter();
        var exit = await AuditVerifyCommand.RunAsync(configuration, new Environment(_directory), output);
        return (exit, output.ToString());
    }

    private sealed class Environment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";

        public string ApplicationName { get; set; } = "CommandCenter";

        public string ContentRootPath { get; set; } = root;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
