namespace Twin.Data.Audit;

/// <summary>Audit actions, one string per kind of event.</summary>
public static class AuditActions
{
    public const string LoginSucceeded = "auth.login";
    public const string LoginFailed = "auth.login-failed";
    public const string LoginLockedOut = "auth.locked-out";
    public const string LoginThrottled = "auth.throttled";
    public const string Logout = "auth.logout";
    public const string SessionEnded = "auth.session-ended";
    public const string PasswordChanged = "auth.password-changed";
    public const string WallPaired = "auth.wall-paired";
    public const string WallPairingFailed = "auth.wall-pairing-failed";
    public const string Forbidden = "authz.forbidden";
    public const string Challenged = "authz.unauthenticated";
    public const string OriginRefused = "authz.origin-refused";
    public const string TicketTransition = "ticket.transition";
    public const string FieldReportSubmitted = "ticket.field-report";
    public const string AlarmAcknowledged = "alarm.acknowledge";
    public const string AlarmFiledAsCase = "alarm.file-case";
    public const string AlarmAssigned = "alarm.assign";
    public const string AlarmEscalated = "alarm.escalate";
    public const string SensorRemoved = "sensor.remove";
    public const string SensorThresholdsChanged = "sensor.thresholds";
    public const string ModeChanged = "emergency.mode";
    public const string ModeProposalDecided = "emergency.proposal";
    public const string ChecklistStepDone = "emergency.checklist";
    public const string StockMoved = "emergency.stock";
    public const string WallPresented = "wall.present";
    public const string WallPresentationIdle = "wall.present-idle";
    public const string StormStarted = "simulator.storm";
    public const string HistoryReplayed = "history.replayed";
    public const string HistoryAuditedFrom = "history.audited-from";
    public const string ContactRevealed = "personal-data.reveal";
    public const string AccountCreated = "account.create";
    public const string AccountDisabled = "account.disable";
    public const string AccountEnabled = "account.enable";
    public const string RolesChanged = "account.roles";
    public const string AccountOrganisationChanged = "account.organisation";
    public const string PasswordReset = "account.password-reset";
    public const string WallTokenIssued = "wall-device.issue";
    public const string WallTokenRevoked = "wall-device.revoke";
    public const string WallTokenRotated = "wall-device.rotate";
    public const string WallOrganisationChanged = "wall-device.organisation";
    public const string AuditExported = "audit.export";
    public const string NotificationRetried = "notification.retry";
    public const string WebhookSaved = "notification.webhook.save";
    public const string WebhookDeleted = "notification.webhook.delete";
    public const string Configuration = "config.start";
    public const string DailyBriefingStored = "briefing.daily";
}
