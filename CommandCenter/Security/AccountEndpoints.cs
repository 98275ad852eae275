using System.Globalization;
using System.Text;
using CommandCenter.Audit;
using CommandCenter.Configuration;
using Microsoft.AspNetCore.Mvc;
using Twin.Data.Audit;

namespace CommandCenter.Security;

/// <summary>
/// The form posts behind the static login pages, the wall's pairing link and the audit export.
/// Forms are antiforgery-checked (minimal APIs validate form bodies when UseAntiforgery runs).
/// </summary>
public static class AccountEndpoints
{
    public const string LoginPath = "/account/login";
    public const string LogoutPath = "/account/logout";
    public const string PasswordPath = "/account/password";
    public const string DeniedPath = "/account/denied";
    public const string PairPath = "/wall/pair";

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // The token is checked here rather than by the framework, whose refusal is a bare 400: a
        // person whose form went stale (a restart, a tab left open for days) gets the form back.
        endpoints.MapPost(LoginPath, async ([FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl,
            HttpContext http, AccountService accounts, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery, AuditTrail audit) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                await audit.WriteAsync(audit.Entry(null, AuditActions.LoginFailed, (userName ?? string.Empty).Trim(), AuditOutcome.Denied,
                    "antiforgery token missing or invalid", AuditOrigin.Of(http)));
                return Results.LocalRedirect($"{LoginPath}?error=form&returnUrl={Uri.EscapeDataString(SafeReturn(returnUrl))}");
            }

            var outcome = await accounts.LoginAsync(http, userName, password);
            return outcome switch
            {
                LoginOutcome.SignedIn => Results.LocalRedirect(Landing(returnUrl, http.User)),
                LoginOutcome.MustChangePassword => Results.LocalRedirect($"{PasswordPath}?returnUrl={Uri.EscapeDataString(SafeReturn(returnUrl))}"),
                // A locked account is told apart only in the audit log: the same answer as a wrong
                // password or an unknown name, so that nobody learns which accounts exist.
                LoginOutcome.Throttled => Results.LocalRedirect($"{LoginPath}?error=throttled&returnUrl={Uri.EscapeDataString(SafeReturn(returnUrl))}"),
                _ => Results.LocalRedirect($"{LoginPath}?error=invalid&returnUrl={Uri.EscapeDataString(SafeReturn(returnUrl))}"),
            };
        }).AllowAnonymous().DisableAntiforgery().AfterAccountsAreReady();

        // The form carries an antiforgery token; a page rendered before a restart may hold a stale
        // one, so a post from this very origin (the browser's Origin header) is accepted too.
        // Anything else could be another site signing a person out, so it is refused.
        endpoints.MapPost(LogoutPath, async (HttpContext http, AccountService accounts, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery) =>
        {
            if (!IsSameOrigin(http) && !await antiforgery.IsRequestValidAsync(http))
            {
                return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "退出请求来源不明 · Sign-out refused",
                    detail: "The sign-out did not come from this site's own page.");
            }

            await accounts.LogoutAsync(http);
            return Results.LocalRedirect(LoginPath + "?error=loggedout");
        }).RequireAuthorization(Policies.SignedIn).DisableAntiforgery();

        // As for sign-in, a stale token gets the form back with a message rather than a bare 400.
        endpoints.MapPost(PasswordPath, async ([FromForm] string? current, [FromForm] string? next, [FromForm] string? confirm, [FromForm] string? returnUrl,
            HttpContext http, AccountService accounts, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery) =>
        {
            var back = Uri.EscapeDataString(SafeReturn(returnUrl));
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.LocalRedirect($"{PasswordPath}?error=form&returnUrl={back}");
            }

            if (!string.Equals(next, confirm, StringComparison.Ordinal))
            {
                return Results.LocalRedirect($"{PasswordPath}?error=mismatch&returnUrl={back}");
            }

            var errors = await accounts.ChangePasswordAsync(http, current, next);
            return errors.Count == 0
                ? Results.LocalRedirect(Landing(returnUrl, http.User))
                : Results.LocalRedirect($"{PasswordPath}?error={Uri.EscapeDataString(string.Join(" ", errors))}&returnUrl={back}");
        }).RequireAuthorization(Policies.SignedIn).DisableAntiforgery();

        endpoints.MapGet(PairPath, async (string? token, HttpContext http, AccountService accounts) =>
            await accounts.PairWallAsync(http, token)
                ? Results.LocalRedirect("/")
                : Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "大屏配对失败 · Wall pairing failed",
                    detail: "配对链接无效、已使用、已过期或已吊销，请向管理员索取新链接 · The pairing link is unknown, already used, expired or revoked; ask an administrator for a new one."))
            .AllowAnonymous()
            .AfterAccountsAreReady();

        endpoints.MapGet("/admin/audit/export.csv", async (HttpContext http, AuditTrail audit, DateTimeOffset? from, DateTimeOffset? to,
            string? actor, string? action, string? outcome, string? target) =>
        {
            var rows = await audit.Log.QueryAsync(new AuditQuery(from, to, actor, action, outcome, target, Limit: 100_000));
            await audit.WriteAsync(audit.Entry(http.User, AuditActions.AuditExported, null, AuditOutcome.Success,
                $"rows={rows.Count}", AuditOrigin.Of(http)));
            return Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(AuditCsv.Write(rows))).ToArray(),
                "text/csv; charset=utf-8", $"audit-{DateTime.UtcNow:yyyyMMdd-HHmmss}.csv");
        }).RequireAuthorization(Policies.Administer);

        return endpoints;
    }

    /// <summary>
    /// The admin and the wall devices are created from configuration just after start-up; until
    /// then a sign-in or a wall switched on with the app would be refused as unknown, so they wait.
    /// </summary>
    private static RouteHandlerBuilder AfterAccountsAreReady(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var services = context.HttpContext.RequestServices;
            var wait = TimeSpan.FromSeconds(services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityOptions>>().Value.BootstrapWaitSeconds);
            try
            {
                await services.GetRequiredService<SecurityBootstrap>().Ready
                    .WaitAsync(wait, services.GetRequiredService<TimeProvider>(), context.HttpContext.RequestAborted);
            }
            catch (TimeoutException)
            {
                return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "正在启动 · Starting",
                    detail: "Accounts are still being prepared after start-up; try again in a minute.");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "启动失败 · Start-up failed",
                    detail: "Accounts could not be prepared at start-up; see the application log and /healthz.");
            }

            return await next(context);
        });

    /// <summary>What the sign-in page is told about a session that ended (its <c>error</c> query value); null when none did.</summary>
    public static string? ErrorCode(SessionEnd end) => end switch
    {
        SessionEnd.None => null,
        SessionEnd.Idle => "idle",
        SessionEnd.Absolute => "expired",
        SessionEnd.LoggedOut => "loggedout",
        SessionEnd.DeviceRevoked => "revoked",
        _ => "ended",
    };

    /// <summary>The sign-in page for someone sent back from <paramref name="returnUrl"/>, saying why, in the page's language.</summary>
    public static string LoginUrl(string returnUrl, SessionEnd end, bool english)
    {
        var url = $"{LoginPath}?returnUrl={Uri.EscapeDataString(SafeReturn(returnUrl))}";
        if (ErrorCode(end) is { } error)
        {
            url += "&error=" + error;
        }

        return english ? url + "&lang=en" : url;
    }

    /// <summary>True when the browser says the request comes from a page of this very host.</summary>
    private static bool IsSameOrigin(HttpContext http) =>
        http.Request.Headers.Origin is [{ } origin] && Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && string.Equals(uri.Scheme, http.Request.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.Authority, http.Request.Host.Value, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Where a sign-in lands: the page the person was sent away from, or, when that is only the
    /// root (the login page's default), the person's own page rather than the wall.
    /// </summary>
    public static string Landing(string? returnUrl, System.Security.Claims.ClaimsPrincipal user) =>
        SafeReturn(returnUrl) is var url && url != "/" ? url : HomeOf(user);

    /// <summary>
    /// The page a role works on: officers the console, the centre's leaders the briefing, admins the
    /// accounts. The briefing is the centre's (the whole district), so a 街镇's or a department's
    /// leader lands on its console, which shows its own area's cases or its inbox.
    /// </summary>
    public static string HomeOf(System.Security.Claims.ClaimsPrincipal user) =>
        user.IsInRole(Roles.Officer) || user.IsInRole(Roles.Supervisor) ? "/console"
        : user.IsInRole(Roles.Leader) ? (TwinClaims.BelongsToCentre(user) ? "/briefing" : "/console")
        : user.IsInRole(Roles.Admin) ? "/admin/users"
        : "/";

    /// <summary>Only a local path: an absolute or protocol-relative URL would make login an open redirect.</summary>
    public static string SafeReturn(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            && !url.StartsWith("/account/", StringComparison.OrdinalIgnoreCase)
            ? url
            : "/";
}

/// <summary>The audit log as CSV (RFC 4180), times in UTC ISO 8601.</summary>
public static class AuditCsv
{
    public static string Write(IEnumerable<AuditRecord> rows)
    {
        var csv = new StringBuilder("id,at_utc,actor,action,target,outcome,detail,ip,user_agent,prev_hash,hash\r\n");
        foreach (var r in rows)
        {
            var e = r.Entry;
            string[] fields = [r.Id.ToString(CultureInfo.InvariantCulture), e.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                e.Actor, e.Action, e.Target ?? "", e.Outcome, e.Detail ?? "", e.Ip ?? "", e.UserAgent ?? "", r.PreviousHash, r.Hash];
            csv.Append(string.Join(",", fields.Select(Quote))).Append("\r\n");
        }

        return csv.ToString();
    }

    /// <summary>Quotes a field; a leading = + - @ is neutralised so that a spreadsheet does not run it as a formula.</summary>
    private static string Quote(string field)
    {
        var safe = field.Length > 0 && "=+-@\t\r".Contains(field[0]) ? "'" + field : field;
        return "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
