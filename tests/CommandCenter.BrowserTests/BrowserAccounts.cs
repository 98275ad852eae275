using CommandCenter.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Twin.Data.Accounts;
using Twin.Data.Store;

namespace CommandCenter.BrowserTests;

/// <summary>
/// How a browser test acts as a role: the wall opens its pairing link (the device token comes from
/// the app's settings, as on a real wall); a person signs in through the login form. Accounts other
/// than the bootstrap admin are provisioned straight into the app's store through Identity, as an
/// operator's script would, so that each test does not depend on the admin page.
/// </summary>
public static class BrowserAccounts
{
    public const string AdminPassword = "admin-browser-passw0rd";
    public const string WallToken = "browser-wall-device-token-0123456789";
    public const string Password = "role-browser-passw0rd";

    private static readonly SemaphoreSlim Provisioning = new(1, 1);

    public static string UserNameFor(string role) => role == Roles.Admin ? "admin" : "browser-" + role;

    /// <summary>A new browser context signed in as <paramref name="role"/>, on the page the sign-in lands on ("/").</summary>
    public static async Task<TrackedPage> NewPageAsAsync(this BrowserFixture browser, AppServerFixture app, string role, int width, int height)
    {
        var tracked = await browser.NewPageAsync(app.BaseUrl, width, height);
        if (role == Roles.Wall)
        {
            // Signed in once the redirect to the wall commits, as after a login below: nearly every
            // test opens its own page next, and waiting for the map's load first cost each a wall load.
            await tracked.Page.GotoAsync($"/wall/pair?token={WallToken}", new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        }
        else
        {
            if (role != Roles.Admin)
            {
                await EnsureAccountAsync(app, UserNameFor(role), role);
            }

            await LoginAsync(tracked.Page, UserNameFor(role), role == Roles.Admin ? AdminPassword : Password);
        }

        return tracked;
    }

    /// <summary>Fills and submits the login form, then waits to leave it.</summary>
    public static async Task LoginAsync(IPage page, string userName, string password, string returnUrl = "/")
    {
        await page.GotoAsync($"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.Locator("[data-field='userName']").FillAsync(userName);
        await page.Locator("[data-field='password']").FillAsync(password);
        await page.Locator("[data-submit]").ClickAsync();
        // Signed in once the home page's response commits (the cookie came with the redirect to it):
        // nearly every test opens its own page next, and waiting for the home page (the console, the
        // wall) to load first cost each test a heavy page load for nothing.
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal),
            new PageWaitForURLOptions { Timeout = 30_000, WaitUntil = WaitUntilState.Commit });
    }

    /// <summary>A new browser context signed in as <paramref name="userName"/>, an account of <paramref name="organisationId"/> in <paramref name="role"/>.</summary>
    public static async Task<TrackedPage> NewPageAsMemberAsync(this BrowserFixture browser, AppServerFixture app, string userName, string role, string organisationId, int width, int height)
    {
        var tracked = await browser.NewPageAsync(app.BaseUrl, width, height);
        await EnsureAccountAsync(app, userName, role, organisationId);
        await LoginAsync(tracked.Page, userName, Password);
        return tracked;
    }

    public static async Task EnsureAccountAsync(AppServerFixture app, string userName, string role, string organisationId = Twin.Domain.Organisations.Organisation.CentreId)
    {
        await Provisioning.WaitAsync();
        try
        {
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddDbContext<TwinDbContext>(o => o.UseSqlite($"Data Source={app.DatabasePath};Pooling=False"));
            services.AddIdentityCore<TwinUser>(o => PasswordRules.Apply(o.Password)).AddRoles<IdentityRole>().AddEntityFrameworkStores<TwinDbContext>();
            await using var provider = services.BuildServiceProvider();
            await using var scope = provider.CreateAsyncScope();
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!await roles.RoleExistsAsync(role))
            {
                Assert.True(DateTime.UtcNow < deadline, $"The app did not create the role {role}.");
                await Task.Delay(250);
            }

            var users = scope.ServiceProvider.GetRequiredService<UserManager<TwinUser>>();
            if (await users.FindByNameAsync(userName) is not null)
            {
                return;
            }

            var user = new TwinUser { UserName = userName, DisplayName = userName, CreatedAt = DateTimeOffset.UtcNow, OrganisationId = organisationId };
            var created = await users.CreateAsync(user, Password);
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        }
        finally
        {
            Provisioning.Release();
        }
    }
}
