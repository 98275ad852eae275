using CommandCenter.Audit;
using CommandCenter.Configuration;
using CommandCenter.Security;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Twin.Data.Audit;
using Twin.Data.Store;

namespace CommandCenter.Tests.Access;

/// <summary>
/// <c>dotnet run --project CommandCenter -- audit verify</c>: 0 for an intact log; 1 and the first
/// bad row for a row edited, deleted or inserted, a cut newest end, or a chain recomputed without
/// the key (or with it, against an earlier anchor); 2 without the key. The log is written as the app
/// writes it (keyed chain, head anchored in the anchor file), then tampered with as someone with
/// the database file would.
/// </summary>
public sealed class AuditVerifyCommandTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cityops-verify-").FullName;
    private readonly string _key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private string DatabasePath => Path.Combine(_directory, "twin.db");

    private string MirrorPath => Path.Combine(_directory, "other-volume", "anchors.log");

    public async Task InitializeAsync()
    {
        await using var store = new TwinStore(new TwinStoreOptions { DatabasePath = DatabasePath });
        await store.InitializeAsync();
        var secrets = Secrets();
        var log = new AuditLog(store, secrets.Chain);
        var at = DateTimeOffset.UtcNow;
        await log.AppendAsync(Enumerable.Range(1, 5)
            .Select(i => new AuditEntry(at.AddSeconds(i), "officer", "ticket.transition", $"T-{i}", AuditOutcome.Success, null, null, null)).ToList());
        foreach (var file in secrets.AnchorFiles)
        {
            await file.AppendAsync((await log.HeadAsync(at.AddMinutes(1)))!);
        }
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task An_intact_log_exits_zero_with_its_head()
    {
        var (exit, output) = await RunAsync();

        Assert.Equal(0, exit);
        Assert.Contains("intact: 5 rows, head row 5", output);
    }

    [Fact]
    public async Task An_edited_row_exits_one_naming_it()
    {
        Tamper("UPDATE audit_log SET target = 'T-99' WHERE id = 3");

        await AssertTamperedAsync("first bad row 3", "content does not match its keyed hash");
    }

    [Fact]
    public async Task A_deleted_row_exits_one_naming_the_gap()
    {
        Tamper("DELETE FROM audit_log WHERE id = 3");

        await AssertTamperedAsync("first bad row 4", "row 3 is missing");
    }

    [Fact]
    public async Task An_inserted_row_without_the_key_exits_one_naming_it()
    {
        var head = (await RowsAsync()).Last();
        var forged = new AuditEntry(DateTimeOffset.UtcNow, "intruder", "account.create", "backdoor", AuditOutcome.Success, null, null, null);
        var guess = new AuditChain(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)).Hash(head.Hash, 6, forged);
        Tamper($"""
            INSERT INTO audit_log (id, at, actor, action, target, outcome, prev_hash, hash)
            VALUES (6, {forged.At.UtcTicks}, 'intruder', 'account.create', 'backdoor', 'success', '{head.Hash}', '{guess}')
            """);

        await AssertTamperedAsync("first bad row 6", "keyed hash");
    }

    [Fact]
    public async Task A_log_cut_at_its_newest_end_exits_one_against_the_anchor()
    {
        Tamper("DELETE FROM audit_log WHERE id >= 4");

        await AssertTamperedAsync("first bad row 4", "the log ends at row 3 but row 5 was anchored");
    }

    [Fact]
    public async Task A_chain_recomputed_without_the_key_exits_one_at_the_first_row_changed()
    {
        // The pre-keyed algorithm, plain SHA-256 over the same text: what someone without the key can compute.
        var rows = await RowsAsync();
        var statements = new List<string> { "UPDATE audit_log SET actor = 'someone-else' WHERE id = 2" };
        var previous = rows[0].Hash;
        foreach (var row in rows.Skip(1))
        {
            var entry = row.Id == 2 ? row.Entry with { Actor = "someone-else" } : row.Entry;
            var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
                System.Text.Encoding.UTF8.GetBytes(previous + "\n" + AuditChain.Canonical(row.Id, entry))));
            statements.Add($"UPDATE audit_log SET prev_hash = '{previous}', hash = '{hash}' WHERE id = {row.Id}");
            previous = hash;
        }

        Tamper([.. statements]);

        await AssertTamperedAsync("first bad row 2", "keyed hash");
    }

    [Fact]
    public async Task Rows_cut_together_with_the_last_anchor_line_are_found_through_the_mirror()
    {
        Tamper("DELETE FROM audit_log WHERE id >= 4");
        await CutLastLineAsync(Secrets().Anchors.Path);

        await AssertTamperedAsync("the log ends at row 3 but row 5 was anchored");
    }

    [Fact]
    public async Task An_anchor_file_missing_its_last_line_disagrees_with_the_mirror_even_when_the_rows_are_intact()
    {
        var secrets = Secrets();
        var rows = (await RowsAsync()).Count;
        await using (var store = new TwinStore(new TwinStoreOptions { DatabasePath = DatabasePath }))
        {
            var audit = new AuditLog(store, secrets.Chain);
            await audit.AppendAsync([new AuditEntry(DateTimeOffset.UtcNow, "officer", "ticket.transition", "T-6", AuditOutcome.Success, null, null, null)]);
            await secrets.Mirror!.AppendAsync((await audit.HeadAsync(DateTimeOffset.UtcNow))!);
        }

        await AssertTamperedAsync($"the anchor files disagree: {secrets.Anchors.Path} ends at row {rows}, {MirrorPath} at row {rows + 1}");
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void The_database_and_the_anchor_files_are_readable_by_the_owner_only()
    {
        foreach (var path in new[] { DatabasePath, Secrets().Anchors.Path, MirrorPath })
        {
            Assert.Equal(Twin.Data.Store.PrivateFiles.FileMode, File.GetUnixFileMode(path));
        }

        Assert.Equal(Twin.Data.Store.PrivateFiles.DirectoryMode, File.GetUnixFileMode(Path.GetDirectoryName(MirrorPath)!));
    }

    [Fact]
    public async Task A_forged_anchor_line_exits_one()
    {
        await File.AppendAllTextAsync(Secrets().Anchors.Path, $"9 {new string('a', 64)} {DateTimeOffset.UtcNow.UtcTicks} {new string('b', 64)}\n");

        await AssertTamperedAsync("anchor file line 2 was not written with the audit key");
    }

    [Fact]
    public async Task Without_the_key_it_exits_two_rather_than_guess()
    {
        var (exit, output) = await RunAsync(withKey: false);

        Assert.Equal(2, exit);
        Assert.Contains("No audit key", output);
    }

    private async Task AssertTamperedAsync(params string[] expected)
    {
        var (exit, output) = await RunAsync();
        Assert.Equal(1, exit);
        foreach (var text in expected)
        {
            Assert.Contains(text, output);
        }
    }

    private IConfiguration Configuration(bool withKey = true) => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Twin:Storage:DatabasePath"] = DatabasePath,
        ["Twin:Security:AuditKey"] = withKey ? _key : null,
        ["Twin:Security:KeyDirectory"] = Path.Combine(_directory, "keys"),
        ["Twin:Security:AuditAnchorMirror"] = MirrorPath,
    }).Build();

    private AuditSecrets Secrets()
    {
        var configuration = Configuration();
        var options = new SecurityOptions();
        configuration.GetSection(SecurityOptions.Section).Bind(options);
        return AuditSecrets.Resolve(options, DatabasePath, _directory, SecuritySetup.DataProtectionFor(configuration, new Environment(_directory)), createKey: false);
    }

    private static async Task CutLastLineAsync(string path)
    {
        var lines = await File.ReadAllLinesAsync(path);
        await File.WriteAllLinesAsync(path, lines[..^1]);
    }

    private async Task<List<AuditRecord>> RowsAsync()
    {
        await using var store = new TwinStore(new TwinStoreOptions { DatabasePath = DatabasePath });
        return (await new AuditLog(store, Secrets().Chain).QueryAsync(new AuditQuery(Limit: 100))).OrderBy(r => r.Id).ToList();
    }

    /// <summary>What someone with the database file does: drop the triggers, then change rows.</summary>
    private void Tamper(params string[] statements)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        foreach (var sql in (string[])["DROP TRIGGER audit_log_no_update", "DROP TRIGGER audit_log_no_early_delete", .. statements])
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
    }

    private async Task<(int Exit, string Output)> RunAsync(bool withKey = true)
    {
        var output = new StringWriter();
        var (configuration, environment) = (Configuration(withKey), new Environment(_directory));
        var exit = await AuditVerifyCommand.RunAsync(configuration, environment, () => SecuritySetup.DataProtectionFor(configuration, environment), output);
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
