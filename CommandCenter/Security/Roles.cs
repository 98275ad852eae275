using System.Security.Claims;
using CommandCenter.Localization;

namespace CommandCenter.Security;

/// <summary>The roles of the command centre and what each may do (see <see cref="Policies"/>).</summary>
public static class Roles
{
    /// <summary>A wall display: reads the wall and its map, nothing else.</summary>
    public const string Wall = "wall";

    /// <summary>A duty officer: the console, ticket actions, revealing one ticket's contact with a reason.</summary>
    public const string Officer = "officer";

    /// <summary>A supervisor: as an officer, for supervision and review.</summary>
    public const string Supervisor = "supervisor";

    /// <summary>A leader: the briefing (their landing page), the wall and the console, read-only.</summary>
    public const string Leader = "leader";

    /// <summary>An administrator: accounts, wall devices and the audit log; not the tickets.</summary>
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Wall, Officer, Supervisor, Leader, Admin];

    /// <summary>Roles a person can hold; <see cref="Wall"/> belongs to devices.</summary>
    public static IReadOnlyList<string> People { get; } = [Officer, Supervisor, Leader, Admin];

    /// <summary>The role as the administration page names it, in the page's language.</summary>
    public static string Name(string role) => role switch
    {
        Wall => Language.Current.Pick("大屏", "Wall"),
        Officer => Language.Current.Pick("值班员", "Officer"),
        Supervisor => Language.Current.Pick("督办员", "Supervisor"),
        Leader => Language.Current.Pick("领导", "Leader"),
        Admin => Language.Current.Pick("管理员", "Admin"),
        _ => role,
    };
}

/// <summary>Authorization policies by what is done, each a set of roles.</summary>
public static class Policies
{
    /// <summary>Any signed-in person or wall, even one that still has to replace a one-time password.</summary>
    public const string SignedIn = "signed-in";

    public const string ViewWall = "view-wall";
    public const string UseConsole = "use-console";
    public const string ActOnTickets = "act-on-tickets";
    public const string RevealContact = "reveal-contact";
    public const string Administer = "administer";

    /// <summary>The leaders' briefing (/briefing), its exports and the daily briefings.</summary>
    public const string ReadBriefing = "read-briefing";

    /// <summary>一线通达 at /field: my tasks, 接单, field reports with photos and 提交审核, the photos served.</summary>
    public const string WorkInField = "work-in-field";

    /// <summary>Presenting on the walls (领导来访汇报): choosing their scene, highlighting, stepping.</summary>
    public const string PresentOnWall = "present-on-wall";

    /// <summary>A machine reporting drone telemetry: an ingestion key on the connection, whatever account opened it.</summary>
    public const string ReportTelemetry = "report-telemetry";

    public static IReadOnlyDictionary<string, string[]> RolesOf { get; } = new Dictionary<string, string[]>
    {
        [ViewWall] = [Roles.Wall, Roles.Officer, Roles.Supervisor, Roles.Leader, Roles.Admin],
        [UseConsole] = [Roles.Officer, Roles.Supervisor, Roles.Leader],
        [ActOnTickets] = [Roles.Officer, Roles.Supervisor],
        [RevealContact] = [Roles.Officer, Roles.Supervisor],
        [Administer] = [Roles.Admin],
        [ReadBriefing] = [Roles.Officer, Roles.Supervisor, Roles.Leader],
        [WorkInField] = [Roles.Officer, Roles.Supervisor],
        [PresentOnWall] = [Roles.Officer, Roles.Supervisor, Roles.Leader],
    };
}

/// <summary>Claims the session cookie carries beyond name and roles.</summary>
public static class TwinClaims
{
    public const string SessionId = "twin:sid";
    public const string DisplayName = "twin:display";
    public const string Device = "twin:device";

    /// <summary>The organisation a person's account belonged to at sign-in (changing it ends the sessions).</summary>
    public const string Organisation = "twin:org";

    /// <summary>
    /// Whether the person signed in as one of the centre's. A session without the claim began before
    /// accounts had organisations, when every account was the centre's (as the column's default still says).
    /// </summary>
    public static bool BelongsToCentre(ClaimsPrincipal user) =>
        user.FindFirstValue(Organisation) is null or Twin.Domain.Organisations.Organisation.CentreId;
}
