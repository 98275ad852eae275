using Twin.Data.Audit;

namespace CommandCenter.Configuration;

/// <summary>Accounts, sessions and audit (<c>Twin:Security</c>).</summary>
public sealed class SecurityOptions
{
    public const string Section = "Twin:Security";

    /// <summary>The first administrator, created once when no account exists.</summary>
    public BootstrapAdminOptions BootstrapAdmin { get; set; } = new();

    /// <summary>
    /// A wall device token known from configuration, registered as the device "配置的大屏" on
    /// start-up; unlike an issued pairing link it neither expires nor is spent by use. Only for
    /// Development and the test hosts (<see cref="WallTokenEnvironments"/>): a token that pairs
    /// forever is what the single-use links replaced, so elsewhere the start is refused.
    /// </summary>
    public string? WallToken { get; set; }

    /// <summary>The environments in which <see cref="WallToken"/> may be set.</summary>
    public static readonly IReadOnlyList<string> WallTokenEnvironments = [Environments.Development, "Testing"];

    public const string WallTokenKey = Section + ":WallToken";

    /// <summary>A configured wall token outside Development/Testing, named with the way walls pair instead.</summary>
    public static IEnumerable<string> WallTokenProblems(SecurityOptions options, IHostEnvironment environment)
    {
        if (!string.IsNullOrEmpty(options.WallToken) && !WallTokenEnvironments.Any(environment.IsEnvironment))
        {
            yield return $"{WallTokenKey} is set, but a configured wall token is allowed only in Development and Testing (this is {environment.EnvironmentName}): " +
                "it would pair any browser forever. Remove it and pair each wall with a single-use link issued on /admin/users (签发配对链接 / Issue pairing link).";
        }
    }

    /// <summary>
    /// Accounts created at start when missing, with known passwords, so that a developer can sign
    /// in as a department or a 街镇 at once (the README lists those of appsettings.Development.json).
    /// Development and Testing only, like <see cref="WallToken"/>: known passwords have no place elsewhere.
    /// </summary>
    public List<SeededAccountOptions> SeededAccounts { get; set; } = [];

    public const string SeededAccountsKey = Section + ":SeededAccounts";

    /// <summary>How long an issued or printed pairing link stays usable; it pairs one browser and is then spent.</summary>
    public int PairingLinkMinutes { get; set; } = 15;

    public int IdleTimeoutMinutes { get; set; } = 30;

    public int AbsoluteTimeoutHours { get; set; } = 12;

    public int MaxFailedLogins { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Login attempts per minute from one address, successful or not.</summary>
    public int LoginAttemptsPerMinute { get; set; } = 10;

    /// <summary>How often a live page re-checks its session (idle, absolute, ended).</summary>
    public int RevalidateSeconds { get; set; } = 30;

    /// <summary>Audit records older than this are removed; never below 180 days (等保2.0).</summary>
    public int AuditRetentionDays { get; set; } = AuditLog.MinimumRetentionDays;

    /// <summary>
    /// The audit chain's HMAC key, base64 of at least 32 random bytes, from a secret store or the
    /// environment (<c>Twin__Security__AuditKey</c>), never the repository. When empty, a key is
    /// generated once and kept next to the database, encrypted with Data Protection.
    /// </summary>
    public string? AuditKey { get; set; }

    /// <summary>The append-only file of the audit chain's head anchors; relative to the content root. Empty: next to the database.</summary>
    public string? AuditAnchorFile { get; set; }

    /// <summary>
    /// A second anchor file, on storage the database's owner cannot write (another volume, a
    /// write-only share, a mount owned by another account); relative to the content root. Every
    /// anchor is appended to both, and <c>audit verify</c> reads both. Empty: none.
    /// </summary>
    public string? AuditAnchorMirror { get; set; }

    /// <summary>How often the audit chain's head is anchored outside the database.</summary>
    public int AuditAnchorMinutes { get; set; } = 5;

    /// <summary>How long a sign-in or a wall's pairing waits for the accounts created at start-up before answering 503.</summary>
    public int BootstrapWaitSeconds { get; set; } = 60;

    /// <summary>Origins, besides the app's own, allowed to open the hubs' WebSockets.</summary>
    public List<string> AllowedOrigins { get; set; } = [];

    public TimeSpan IdleTimeout => TimeSpan.FromMinutes(IdleTimeoutMinutes);

    public TimeSpan AbsoluteTimeout => TimeSpan.FromHours(AbsoluteTimeoutHours);

    public void Validate()
    {
        if (AuditRetentionDays < AuditLog.MinimumRetentionDays)
        {
            throw new InvalidOperationException($"Twin:Security:AuditRetentionDays must be at least {AuditLog.MinimumRetentionDays} (等保2.0).");
        }

        if (IdleTimeoutMinutes < 1 || AbsoluteTimeoutHours < 1 || MaxFailedLogins < 1 || LockoutMinutes < 1 || LoginAttemptsPerMinute < 1 || RevalidateSeconds < 1
            || AuditAnchorMinutes < 1 || BootstrapWaitSeconds < 1 || PairingLinkMinutes < 1)
        {
            throw new InvalidOperationException("Twin:Security timeouts, limits and intervals must be positive.");
        }
    }
}

/// <summary>One of <see cref="SecurityOptions.SeededAccounts"/>: the organisation by its id (<c>dept-district-water-authority</c>, <c>sd-310107…</c>, <c>centre</c>).</summary>
public sealed class SeededAccountOptions
{
    public string UserName { get; set; } = string.Empty;

    public string Password { get; set; } = string.Empty;

    public string DisplayName { get; set; } = string.Empty;

    public string Role { get; set; } = string.Empty;

    public string Organisation { get; set; } = string.Empty;
}

public sealed class BootstrapAdminOptions
{
    public string UserName { get; set; } = "admin";

    /// <summary>When empty, a one-time password is generated, written to the console once, and must be changed at first login.</summary>
    public string? Password { get; set; }
}
