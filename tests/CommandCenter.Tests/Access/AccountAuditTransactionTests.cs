using CommandCenter.Audit;
using CommandCenter.Security;
using CommandCenter.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Twin.Data.Audit;

namespace CommandCenter.Tests.Access;

/// <summary>
/// Issue 14 item 1 for accounts: a change made through Identity (an account created, a password
/// reset, a role changed) and its audit row are one transaction. A fault at the audit row — here a
/// trigger refusing it, as a full disk or a crash between the two writes would — leaves neither.
/// </summary>
public sealed class AccountAuditTransactionTests : IAsyncLifetime
{
    private const string FaultAtAudit =
        "CREATE TRIGGER fault_at_audit BEFORE INSERT ON audit_log WHEN NEW.action LIKE 'account.%' BEGIN SELECT RAISE(ABORT, 'injected fault'); END";

    private readonly ClockedApp _app = new();

    public async Task InitializeAsync() => await _app.Services.GetRequiredService<SecurityBootstrap>().Ready.WaitAsync(TimeSpan.FromSeconds(60));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_fault_at_the_audit_row_leaves_neither_the_account_change_nor_its_row()
    {
        var officer = await TestAccounts.EnsureUserAsync(_app, "test-officer-audit", Roles.Officer);
        var passwordBefore = await PasswordHashAsync(officer.UserName!);
        var rowsBefore = await AccountRowsAsync();

        Execute(FaultAtAudit);
        await FailsAtAuditAsync(admin => admin.CreateAsync(Admin, AuditOrigin.None, "new-officer", "新值班员", Roles.Officer));
        await FailsAtAuditAsync(admin => admin.ResetPasswordAsync(Admin, AuditOrigin.None, officer.Id));
        await FailsAtAuditAsync(admin => admin.SetRoleAsync(Admin, AuditOrigin.None, officer.Id, Roles.Supervisor));

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<TwinUserManager>();
            Assert.Null(await users.FindByNameAsync("new-officer"));
            Assert.Equal([Roles.Officer], await users.GetRolesAsync((await users.FindByNameAsync(officer.UserName!))!));
        }

        Assert.Equal(passwordBefore, await PasswordHashAsync(officer.UserName!));
        Assert.Equal(rowsBefore, await AccountRowsAsync());

        // Without the fault both are written, once each, and the chain verifies.
        Execute("DROP TRIGGER fault_at_audit");
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var admin = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
            Assert.True((await admin.CreateAsync(Admin, AuditOrigin.None, "new-officer", "新值班员", Roles.Officer)).Succeeded);
            Assert.True((await admin.SetRoleAsync(Admin, AuditOrigin.None, officer.Id, Roles.Supervisor)).Succeeded);
        }

        var rows = await AccountRowsAsync();
        Assert.Equal(rowsBefore.Count + 2, rows.Count);
        Assert.Contains(rows, r => r is { Entry.Action: AuditActions.AccountCreated, Entry.Target: "new-officer" });
        Assert.Contains(rows, r => r.Entry.Action == AuditActions.RolesChanged && r.Entry.Target == officer.UserName && r.Entry.Detail == $"{Roles.Officer}→{Roles.Supervisor}");
        var verification = await _app.Services.GetRequiredService<AuditTrail>().VerifyAsync();
        Assert.True(verification.Intact, verification.Problem);
    }

    private static System.Security.Claims.ClaimsPrincipal Admin => TestAccounts.Principal(Roles.Admin);

    private async Task FailsAtAuditAsync(Func<AccountAdministration, Task<AdminResult>> change)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var fault = await Assert.ThrowsAsync<SqliteException>(() => change(scope.ServiceProvider.GetRequiredService<AccountAdministration>()));
        Assert.Contains("injected fault", fault.Message, StringComparison.Ordinal);
    }

    private async Task<string?> PasswordHashAsync(string userName)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<TwinUserManager>().FindByNameAsync(userName))!.PasswordHash;
    }

    private async Task<IReadOnlyList<AuditRecord>> AccountRowsAsync()
    {
        var audit = _app.Services.GetRequiredService<AuditTrail>();
        await audit.FlushAsync();
        return await audit.Log.QueryAsync(new AuditQuery(ActionPrefix: "account."));
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_app.DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
