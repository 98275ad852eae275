using Microsoft.Data.Sqlite;
using Twin.Data.Audit;
using Twin.Data.Tests.Support;

namespace Twin.Data.Tests.Audit;

/// <summary>
/// The audit log is append-only in the schema (triggers) and tamper-evident in content (the hash
/// chain): someone who goes around the triggers with their own SQLite connection, as an attacker
/// with the file would, is caught by verification at the first row they touched.
/// </summary>
public sealed class AuditChainTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 1, 0, 0, TimeSpan.Zero);
    private static readonly AuditChain Chain = new(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    private readonly TempDatabase _db = new();
    private Twin.Data.Store.TwinStore _store = null!;
    private AuditLog _log = null!;

    public async Task InitializeAsync()
    {
        _store = _db.CreateStore();
        await _store.InitializeAsync();
        _log = new AuditLog(_store, Chain);
        await _log.AppendAsync(Enumerable.Range(1, 10).Select(Entry).ToList());
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        _db.Dispose();
    }

    [Fact]
    public async Task An_untouched_log_verifies_and_reports_its_head()
    {
        var result = await _log.VerifyAsync([]);

        Assert.True(result.Intact, result.Problem);
        Assert.Equal(10, result.Rows);
        var newest = (await _log.QueryAsync(new AuditQuery(Limit: 1)))[0];
        Assert.Equal(newest.Hash, result.HeadHash);
    }

    [Fact]
    public async Task The_schema_refuses_to_change_or_delete_a_recent_row()
    {
        var update = Assert.Throws<SqliteException>(() => Execute("UPDATE audit_log SET actor = 'someone-else' WHERE id = 4"));
        Assert.Contains("append-only", update.Message);
        var delete = Assert.Throws<SqliteException>(() => Execute("DELETE FROM audit_log WHERE id = 4"));
        Assert.Contains("180 days", delete.Message);
        Assert.True((await _log.VerifyAsync([])).Intact);
    }

    [Fact]
    public async Task An_edited_row_is_found()
    {
        Tamper("UPDATE audit_log SET actor = 'someone-else' WHERE id = 4");

        var result = await _log.VerifyAsync([]);

        Assert.False(result.Intact);
        Assert.Equal(4, result.FirstBadId);
        Assert.Contains("content", result.Problem);
    }

    [Fact]
    public async Task A_deleted_row_is_found()
    {
        Tamper("DELETE FROM audit_log WHERE id = 6");

        var result = await _log.VerifyAsync([]);

        Assert.False(result.Intact);
        Assert.Equal(7, result.FirstBadId);
        Assert.Contains("row 6 is missing", result.Problem);
    }

    [Fact]
    public async Task A_cut_newest_end_is_found_against_an_anchor_of_the_head()
    {
        var anchor = await _log.HeadAsync(Start.AddHours(1));
        Tamper("DELETE FROM audit_log WHERE id >= 9");

        // The shortened chain is consistent in itself; only the anchor kept outside shows the cut.
        Assert.True((await _log.VerifyAsync([])).Intact);
        var result = await _log.VerifyAsync([anchor!]);

        Assert.False(result.Intact);
        Assert.Equal(9, result.FirstBadId);
        Assert.Contains("ends at row 8 but row 10 was anchored", result.Problem);
    }

    [Fact]
    public async Task A_chain_recomputed_without_the_key_is_found_at_the_first_row_changed()
    {
        await EditRow4AndRecomputeAsync(new AuditChain(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));

        var result = await _log.VerifyAsync([]);

        Assert.False(result.Intact);
        Assert.Equal(4, result.FirstBadId);
        Assert.Contains("keyed hash", result.Problem);
    }

    [Fact]
    public async Task A_chain_recomputed_with_the_key_is_found_against_an_earlier_anchor()
    {
        var anchor = await _log.HeadAsync(Start.AddHours(1));
        await EditRow4AndRecomputeAsync(Chain);

        Assert.True((await _log.VerifyAsync([])).Intact);
        var result = await _log.VerifyAsync([anchor!]);
        Assert.False(result.Intact);
        Assert.Equal(10, result.FirstBadId);
        Assert.Contains("recomputed", result.Problem);
    }

    [Fact]
    public async Task An_anchor_file_keeps_what_was_written_and_refuses_a_forged_line()
    {
        var file = new AuditAnchorFile(Path.Combine(Path.GetTempPath(), $"anchors-{Guid.NewGuid():N}.log"), Chain);
        try
        {
            var head = (await _log.HeadAsync(Start))!;
            await file.AppendAsync(head);
            var (anchors, problem) = await file.ReadAsync();
            Assert.Null(problem);
            Assert.Equal(head, Assert.Single(anchors));

            await File.AppendAllTextAsync(file.Path, $"99 {head.Hash} {Start.UtcTicks} {new string('0', 64)}\n");
            var (_, forged) = await file.ReadAsync();
            Assert.Equal("anchor file line 2 was not written with the audit key", forged);
        }
        finally
        {
            File.Delete(file.Path);
        }
    }

    [Fact]
    public async Task An_inserted_row_is_found_even_with_a_correct_hash_of_its_own()
    {
        // Make room after row 5 and forge a row 6 that links to row 5 and hashes correctly.
        var row5 = (await _log.QueryAsync(new AuditQuery(Limit: 100))).Single(r => r.Id == 5);
        var forged = new AuditEntry(Start.AddMinutes(5.5), "intruder", "account.create", "backdoor", AuditOutcome.Success, null, "10.0.0.66", null);
        Tamper("UPDATE audit_log SET id = id + 1000 WHERE id > 5",
               "UPDATE audit_log SET id = id - 999 WHERE id > 1000",
               $"""
               INSERT INTO audit_log (id, at, actor, action, target, outcome, detail, ip, user_agent, prev_hash, hash)
               VALUES (6, {forged.At.UtcTicks}, 'intruder', 'account.create', 'backdoor', 'success', NULL, '10.0.0.66', NULL,
                       '{row5.Hash}', '{Chain.Hash(row5.Hash, 6, forged)}')
               """);

        var result = await _log.VerifyAsync([]);

        Assert.False(result.Intact);
        Assert.Equal(7, result.FirstBadId);
    }

    [Fact]
    public async Task Retention_removes_only_old_rows_and_the_chain_still_verifies_from_its_recorded_anchor()
    {
        var old = new DateTimeOffset(DateTime.UtcNow.AddDays(-400), TimeSpan.Zero);
        using var olderDb = new TempDatabase();
        await using var oldStore = olderDb.CreateStore();
        await oldStore.InitializeAsync();
        var log = new AuditLog(oldStore, Chain);
        await log.AppendAsync(Enumerable.Range(1, 5).Select(i => Entry(i) with { At = old.AddMinutes(i) }).ToList());
        await log.AppendAsync(Enumerable.Range(6, 3).Select(i => Entry(i) with { At = DateTimeOffset.UtcNow.AddMinutes(-i) }).ToList());

        var removed = await log.PurgeAsync(DateTimeOffset.UtcNow.AddDays(-180), DateTimeOffset.UtcNow, "system");

        Assert.Equal(5, removed);
        var result = await log.VerifyAsync([]);
        Assert.True(result.Intact, result.Problem);
        Assert.Equal(4, result.Rows);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => log.PurgeAsync(DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow, "system"));
    }

    /// <summary>Changes row 4's actor and recomputes the chain from there with <paramref name="chain"/>'s key.</summary>
    private async Task EditRow4AndRecomputeAsync(AuditChain chain)
    {
        var rows = (await _log.QueryAsync(new AuditQuery(Limit: 100))).OrderBy(r => r.Id).ToList();
        var statements = new List<string> { "UPDATE audit_log SET actor = 'someone-else' WHERE id = 4" };
        var previous = rows[2].Hash;
        foreach (var row in rows.Skip(3))
        {
            var hash = chain.Hash(previous, row.Id, row.Id == 4 ? row.Entry with { Actor = "someone-else" } : row.Entry);
            statements.Add($"UPDATE audit_log SET prev_hash = '{previous}', hash = '{hash}' WHERE id = {row.Id}");
            previous = hash;
        }

        Tamper([.. statements]);
    }

    private static AuditEntry Entry(int i) =>
        new(Start.AddMinutes(i), $"officer-{i % 3}", i % 2 == 0 ? "ticket.transition" : "auth.login", $"T-{i:D4}", AuditOutcome.Success, $"step {i}", "127.0.0.1", "tests");

    private void Execute(params string[] statements)
    {
        using var connection = _db.OpenRaw();
        foreach (var sql in statements)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
    }

    /// <summary>What an attacker with the file does: drop the triggers, then change rows.</summary>
    private void Tamper(params string[] statements) =>
        Execute(["DROP TRIGGER audit_log_no_update", "DROP TRIGGER audit_log_no_early_delete", .. statements]);
}
