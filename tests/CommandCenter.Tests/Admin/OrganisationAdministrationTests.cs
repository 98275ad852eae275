using System.Globalization;
using CommandCenter.Audit;
using CommandCenter.Security;
using CommandCenter.Tests.Access;
using CommandCenter.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Twin.Data.Audit;
using Twin.Data.Store;

namespace CommandCenter.Tests.Admin;

/// <summary>
/// Issue 20: an admin sets the organisation of an account and of a wall, audited; a name that is
/// no organisation is refused, named in the refusal, and changes nothing.
/// </summary>
public sealed class OrganisationAdministrationTests : IAsyncLifetime
{
    // The refusal is worded in the admin's language; these tests read the Chinese page's wording.
    private const string UnknownOrganisation = "未知组织";

    private readonly ClockedApp _app = new();

    public OrganisationAdministrationTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");

    public async Task InitializeAsync() => await _app.Services.GetRequiredService<SecurityBootstrap>().Ready.WaitAsync(TimeSpan.FromSeconds(60));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task An_account_moved_to_a_sub_district_is_signed_out_and_signs_in_with_its_area_and_the_move_is_audited()
    {
        var officer = await TestAccounts.EnsureUserAsync(_app, "test-officer-move", Roles.Officer);
        var sessions = _app.Services.GetRequiredService<SessionStore>();
        var session = await sessions.StartAsync(officer.Id, null);

        var refused = await AdministerAsync(a => a.SetOrganisationAsync(Admin, AuditOrigin.None, officer.Id, "sd-000000000000"));
        Assert.False(refused.Succeeded);
        Assert.Equal(UnknownOrganisation, refused.Error);
        Assert.Equal(Twin.Domain.Organisations.Organisation.CentreId, await OrganisationOfAsync(officer.UserName!));
        Assert.Equal(SessionEnd.None, await sessions.CheckAsync(session, activity: false));

        var moved = await AdministerAsync(a => a.SetOrganisationAsync(Admin, AuditOrigin.None, officer.Id, "sd-310107022000"));
        Assert.True(moved.Succeeded, moved.Error);
        Assert.Equal("sd-310107022000", await OrganisationOfAsync(officer.UserName!));
        Assert.NotEqual(SessionEnd.None, await sessions.CheckAsync(session, activity: false));

        // A session begun before the move carries no organisation claim here: the account's own is asked.
        var person = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new(System.Security.Claims.ClaimTypes.Name, officer.UserName!), new(System.Security.Claims.ClaimTypes.Role, Roles.Officer)], "Cookies"));
        var scope = await _app.Services.GetRequiredService<SignedInScope>().OfAsync(person);
        Assert.Equal("310107022000", scope.Organisation.SubDistrictCode);

        var rows = await RowsAsync(AuditActions.AccountOrganisationChanged);
        Assert.Contains(rows, r => r is { Entry.Outcome: AuditOutcome.Failure, Entry.Target: "test-officer-move" } && r.Entry.Detail!.Contains("sd-000000000000", StringComparison.Ordinal));
        Assert.Contains(rows, r => r is { Entry.Outcome: AuditOutcome.Success, Entry.Target: "test-officer-move", Entry.Detail: "centre→sd-310107022000" });
    }

    [Fact]
    public async Task A_wall_and_a_new_account_take_the_organisation_the_admin_chose_and_an_unknown_one_is_refused()
    {
        var issued = await AdministerAsync(a => a.IssueDeviceAsync(Admin, AuditOrigin.None, "真如大屏", "sd-310107022000"));
        Assert.True(issued.Succeeded, issued.Error);
        var device = (await AdministerAsync(a => a.ListDevicesAsync(Admin))).Single(d => d.Name == "真如大屏");
        Assert.Equal("sd-310107022000", device.OrganisationId);

        var refused = await AdministerAsync(a => a.SetDeviceOrganisationAsync(Admin, AuditOrigin.None, device.Id, "dept-nowhere"));
        Assert.Equal(UnknownOrganisation, refused.Error);
        var moved = await AdministerAsync(a => a.SetDeviceOrganisationAsync(Admin, AuditOrigin.None, device.Id, "dept-district-water-authority"));
        Assert.True(moved.Succeeded, moved.Error);
        Assert.Equal("dept-district-water-authority", (await AdministerAsync(a => a.ListDevicesAsync(Admin))).Single(d => d.Id == device.Id).OrganisationId);
        Assert.Contains(await RowsAsync(AuditActions.WallOrganisationChanged),
            r => r is { Entry.Outcome: AuditOutcome.Success } && r.Entry.Target == device.Id && r.Entry.Detail == "真如大屏: sd-310107022000→dept-district-water-authority");

        Assert.Equal(UnknownOrganisation, (await AdministerAsync(a => a.CreateAsync(Admin, AuditOrigin.None, "nowhere-officer", "无处", Roles.Officer, "nowhere"))).Error);
        Assert.Null(await OrganisationOfAsync("nowhere-officer"));
        Assert.True((await AdministerAsync(a => a.CreateAsync(Admin, AuditOrigin.None, "housing-officer", "房管", Roles.Officer, "dept-district-housing-bureau"))).Succeeded);
        Assert.Equal("dept-district-housing-bureau", await OrganisationOfAsync("housing-officer"));
    }

    private static System.Security.Claims.ClaimsPrincipal Admin => TestAccounts.Principal(Roles.Admin);

    private async Task<T> AdministerAsync<T>(Func<AccountAdministration, Task<T>> action)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<AccountAdministration>());
    }

    private async Task<string?> OrganisationOfAsync(string userName)
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<TwinDbContext>>().CreateDbContextAsync();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.OrganisationId).SingleOrDefaultAsync();
    }

    private async Task<IReadOnlyList<AuditRecord>> RowsAsync(string action)
    {
        var audit = _app.Services.GetRequiredService<AuditTrail>();
        await audit.FlushAsync();
        return await audit.Log.QueryAsync(new AuditQuery(ActionPrefix: action));
    }
}
