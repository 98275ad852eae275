namespace CommandCenter.Notifications;

/// <summary>What a notification is about; a webhook names the kinds it wants.</summary>
public enum NotificationKind
{
    /// <summary>An alarm raised as, or risen to, 紧急 (critical).</summary>
    CriticalAlarm,

    /// <summary>An unacknowledged alarm escalated to the supervisor or the leader on duty.</summary>
    AlarmEscalated,

    /// <summary>A case's step overran its time limit and got automatic 督办.</summary>
    OverdueSupervision,

    /// <summary>An emergency started, changed its response level or ended (平急转换).</summary>
    EmergencyMode,
}

/// <summary>The body a webhook expects.</summary>
public enum WebhookFormat
{
    /// <summary>The twin's own JSON (kind, key, time, title, text, facts).</summary>
    Generic,

    /// <summary>企业微信 group robot: <c>{"msgtype":"markdown","markdown":{"content":…}}</c>.</summary>
    WeCom,

    /// <summary>钉钉 group robot: <c>{"msgtype":"markdown","markdown":{"title":…,"text":…}}</c>.</summary>
    DingTalk,
}

/// <summary>One receiver of notifications, e.g. the water department's duty group.</summary>
public sealed class WebhookOptions
{
    /// <summary>Names the webhook in the dead-letter list and the logs (the URL may hold a key and is never shown).</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>
    /// Whose webhook it is (a department or 街镇, free text until organisations exist): shown beside
    /// the name so an admin knows whom a dead letter failed to reach.
    /// </summary>
    public string? Organisation { get; set; }

    public string Url { get; set; } = string.Empty;

    /// <summary>A DingTalk robot's 加签 secret (SEC…), when it has one: the URL is then signed on each send.</summary>
    public string? Secret { get; set; }

    public WebhookFormat Format { get; set; } = WebhookFormat.Generic;

    /// <summary>The kinds sent to it; none listed means every kind.</summary>
    public List<NotificationKind> Kinds { get; set; } = [];

    /// <summary>The configured webhook as the notifier sends to it: district-wide, like the centre's own.</summary>
    public WebhookTarget ToTarget() => new(WebhookTarget.ConfiguredPrefix + Name, Name, null, Organisation, Url, Secret, Format, Kinds);
}

/// <summary><c>Twin:Notifications</c>: the webhooks and how hard each delivery is tried.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Twin:Notifications";

    public List<WebhookOptions> Webhooks { get; set; } = [];

    /// <summary>Tries of one delivery, the first included, before it goes to the dead-letter list.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The wait before the first retry, doubled before each further one.</summary>
    public int FirstRetryDelayMilliseconds { get; set; } = 2000;

    /// <summary>How long one try may take.</summary>
    public int AttemptTimeoutSeconds { get; set; } = 10;

    /// <summary>Dead letters kept for an admin (the oldest dropped first).</summary>
    public int DeadLetterCapacity { get; set; } = 500;

    /// <summary>Days a dead letter is kept when nobody retries it (README "Retention").</summary>
    public int DeadLetterKeepDays { get; set; } = 30;

    public IEnumerable<string> Problems()
    {
        if (MaxAttempts is < 1 or > 10)
        {
            yield return $"{Section}:MaxAttempts must lie in 1–10.";
        }

        if (FirstRetryDelayMilliseconds is < 1 or > 600_000)
        {
            yield return $"{Section}:FirstRetryDelayMilliseconds must lie in 1–600000.";
        }

        if (AttemptTimeoutSeconds is < 1 or > 120)
        {
            yield return $"{Section}:AttemptTimeoutSeconds must lie in 1–120.";
        }

        if (DeadLetterCapacity is < 1 or > 100_000)
        {
            yield return $"{Section}:DeadLetterCapacity must lie in 1–100000.";
        }

        if (DeadLetterKeepDays is < 1 or > 3650)
        {
            yield return $"{Section}:DeadLetterKeepDays must lie in 1–3650.";
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Webhooks.Count; i++)
        {
            var hook = Webhooks[i];
            var key = $"{Section}:Webhooks:{i}";
            if (string.IsNullOrWhiteSpace(hook.Name) || !names.Add(hook.Name))
            {
                yield return $"{key}:Name must be given and unique.";
            }

            if (!WebhookTarget.IsWebUrl(hook.Url))
            {
                yield return $"{key}:Url must be an absolute http(s) URL.";
            }

            if (!Enum.IsDefined(hook.Format) || hook.Kinds.Exists(k => !Enum.IsDefined(k)))
            {
                yield return $"{key}: unknown Format or Kinds.";
            }
        }
    }
}

/// <summary>
/// A webhook the notifier sends to: an organisation's, stored by an admin, or one from the
/// configuration (<see cref="OrganisationId"/> null: told of everything, as the centre is).
/// </summary>
/// <param name="Id">the stored webhook's id, or <see cref="ConfiguredPrefix"/> and the configured name.</param>
/// <param name="Label">who it is for, as shown beside its name: the organisation's id, or the configured free text.</param>
public sealed record WebhookTarget(
    string Id, string Name, string? OrganisationId, string? Label, string Url, string? Secret, WebhookFormat Format, IReadOnlyList<NotificationKind> Kinds)
{
    public const string ConfiguredPrefix = "config:";

    public bool Wants(NotificationKind kind) => Kinds.Count == 0 || Kinds.Contains(kind);

    public static bool IsWebUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttps || parsed.Scheme == Uri.UriSchemeHttp);
}
