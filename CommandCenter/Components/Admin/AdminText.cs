using CommandCenter.Localization;

namespace CommandCenter.Components.Admin;

/// <summary>The administration pages' words (/admin/users, /admin/sensors, /admin/audit), in the page's language.</summary>
public static class AdminText
{
    public static string Administration => T("系统管理", "Administration");
    public static string AccountsAndWalls => T("账号与大屏", "Accounts and walls");
    public static string AuditLog => T("审计日志", "Audit log");
    public static string ShownOnce => T("仅显示一次，请当面交付。", "Shown once; hand it over in person.");
    public static string NewAccount => T("新建账号", "New account");
    public static string UserName => T("用户名", "User name");
    public static string DisplayName => T("姓名", "Display name");
    public static string Create => T("创建（生成一次性密码）", "Create (with a one-time password)");
    public static string Accounts => T("账号", "Accounts");
    public static string Role => T("角色", "Role");
    public static string Organisation => T("所属组织", "Organisation");
    public static string State => T("状态", "State");
    public static string Actions => T("操作", "Actions");
    public static string Enable => T("启用", "Enable");
    public static string Disable => T("停用", "Disable");
    public static string ResetPassword => T("重置密码", "Reset password");
    public static string WallDevices => T("大屏设备", "Wall devices");
    public static string WallName => T("大屏名称", "Wall name");
    public static string IssuePairingLink => T("签发配对链接", "Issue pairing link");
    public static string Name => T("名称", "Name");
    public static string Issued => T("签发", "Issued");
    public static string Revoke => T("吊销", "Revoke");
    public static string Rotate => T("重新配对", "New pairing link");
    public static string Active => T("有效", "active");
    public static string AccountActive => T("正常", "active");
    public static string AccountDisabled => T("已停用", "disabled");
    public static string AccountLocked => T("已锁定", "locked");
    public static string MustChangePassword => T("待改密", "must change password");
    public static string OneTimePassword => T("的一次性密码：", "'s one-time password:");
    public static string PairingLink(int minutes) => T($"大屏配对链接（仅可配对一台浏览器，{minutes} 分钟内有效）：", $"Pairing link (pairs one browser, valid {minutes} minutes):");
    public static string IssuedDone => T("已签发", "Issued");

    public static string Revoked(string when) => T($"已吊销 {when}", $"revoked {when}");
    public static string Created(string name) => T($"已创建 {name}", $"Created {name}");
    public static string Disabled(string name) => T($"已停用 {name}，其会话已结束", $"Disabled {name}; its sessions ended");
    public static string Enabled(string name) => T($"已启用 {name}", $"Enabled {name}");
    public static string RoleChanged(string name, string role) => T($"{name} → {role}，须重新登录", $"{name} → {role}; must sign in again");
    public static string OrganisationChanged(string name, string organisation) =>
        T($"{name} 已归属 {organisation}，须重新登录", $"{name} now belongs to {organisation}; must sign in again");
    public static string WallOrganisationChanged(string name, string organisation) =>
        T($"{name} 已归属 {organisation}，大屏即时切换到其范围", $"{name} now belongs to {organisation}; the wall switches to its scope at once");
    public static string PasswordReset(string name) => T($"已重置 {name} 的密码", $"Reset {name}'s password");
    public static string RevokedDevice(string name) => T($"已吊销 {name}", $"Revoked {name}");
    public static string RotatedDevice(string name) => T($"已为 {name} 签发新配对链接，原大屏已退出", $"New pairing link for {name}; the wall that held the old one is signed out");

    public static string From => T("自（上海时间）", "From (Shanghai)");
    public static string To => T("至（上海时间）", "To (Shanghai)");
    public static string Actor => T("操作人", "Actor");
    public static string AllActions => T("全部操作", "All actions");
    public static string AnyOutcome => T("全部结果", "Any outcome");
    public static string Success => T("成功", "success");
    public static string Failure => T("失败", "failure");
    public static string Denied => T("拒绝", "denied");
    public static string Target => T("对象", "Target");
    public static string Search => T("查询", "Search");
    public static string ExportCsv => T("导出 CSV", "Export CSV");
    public static string VerifyChain => T("校验哈希链", "Verify chain");
    public static string When => T("时间", "When");
    public static string What => T("操作类型", "Action");
    public static string Outcome => T("结果", "Outcome");
    public static string Detail => T("详情", "Detail");
    public static string Where => T("来源", "Where");

    public static string ChainIntact(long rows) => T($"哈希链完整：{rows} 条，链头", $"Chain intact: {rows} rows, head");
    public static string ChainTampered(long row) => T($"哈希链被破坏：第 {row} 行", $"Chain TAMPERED at row {row}");
    public static string Newest(int shown, int limit) => T(
        $"显示最近 {shown} 条（最多 {limit} 条），时间为上海时间",
        $"Newest {shown} shown (at most {limit}); times in Asia/Shanghai");

    /// <summary>The audit log's action families, by the prefix of their action names.</summary>
    public static IReadOnlyList<(string Prefix, string Name)> ActionGroups =>
    [
        ("auth.", T("登录与会话", "Sign-in and sessions")),
        ("authz.", T("越权访问", "Refused access")),
        ("ticket.", T("工单流转", "Ticket transitions")),
        ("alarm.", T("告警确认", "Alarm acknowledgements")),
        ("personal-data.", T("个人信息查看", "Personal data reveals")),
        ("account.", T("账号变更", "Account changes")),
        ("wall-device.", WallDevices),
        ("audit.", T("审计", "Audit")),
        ("config.", T("配置", "Configuration")),
        ("emergency.", T("应急指挥", "Emergency command")),
        ("simulator.", T("模拟器", "Simulator")),
        ("sensor.", T("传感器变更", "Sensor changes")),
    ];

    public static string StormScenario => T("台风情景（开发环境）", "Typhoon scenario (Development)");
    public static string StormExplained => T("在运行中的模拟里启动台风情景：降雨、苏河水位上涨、积水报告和台风预警，会产生应急建议（须人工确认）。",
        "Starts the typhoon scenario in the running simulation: rain, a rising creek, waterlogging reports and a typhoon warning, which propose an emergency (a person must confirm).");
    public static string StartStorm => T("启动台风情景", "Start the typhoon scenario");
    public static string StormAsked => T("已请求，模拟器下一步启动", "Asked; the simulator starts it at its next step");
    public static string StormRunning => T("台风情景运行中", "The typhoon scenario is running");
    public static string SimulatorOff => T("模拟器未启用", "The simulator is off");

    public static string SensorLevels => T("传感器阈值", "Sensor levels");
    public static string SensorLevelsHint => T(
        "预警值、报警值与回差按传感器保存，修改即时生效并记入审计日志；新接入的传感器仍取配置 Twin:Sensors:Thresholds 的默认值。",
        "Warning and alarm levels and the hysteresis are kept per sensor; a change counts at once and is audited. Newly onboarded sensors still start from Twin:Sensors:Thresholds.");
    public static string SensorSearch => T("编号或名称", "Id or name");
    public static string AllKinds => T("全部类型", "All kinds");
    public static string SensorId => T("编号", "Id");
    public static string Kind => T("类型", "Kind");
    public static string Unit => T("单位", "Unit");
    public static string Warning => T("预警值", "Warning");
    public static string Alarm => T("报警值", "Alarm");
    public static string Hysteresis => T("回差", "Hysteresis");
    public static string Current => T("当前值", "Current");
    public static string Edit => T("修改", "Change");
    public static string Save => T("保存", "Save");
    public static string Cancel => T("取消", "Cancel");
    public static string SensorsShown(int shown, int limit) => T($"显示 {shown} 个（最多 {limit} 个，按编号排序）", $"{shown} shown (at most {limit}, by id)");
    public static string LevelsSaved(string id) => T($"已保存 {id} 的阈值，即时生效", $"Saved the levels of {id}; they count at once");
    public static string LevelsRefused(string reason) => T($"未保存：{reason}", $"Not saved: {reason}");

    /// <summary>Why levels cannot be taken, as <see cref="Twin.Domain.Sensors.Thresholds.Check"/> found it.</summary>
    public static string LevelProblem(Twin.Domain.Sensors.ThresholdProblem problem) => problem switch
    {
        Twin.Domain.Sensors.ThresholdProblem.NotNumbers => T("预警值、报警值和回差须为数字", "Warning, alarm and hysteresis must be numbers"),
        Twin.Domain.Sensors.ThresholdProblem.WarningNotBelowAlarm => T("预警值须低于报警值", "The warning level must be below the alarm level"),
        Twin.Domain.Sensors.ThresholdProblem.WarningNotAboveAlarm => T("此类传感器越低越危险：预警值须高于报警值", "For this kind low is bad: the warning level must be above the alarm level"),
        Twin.Domain.Sensors.ThresholdProblem.LevelsEqual => T("预警值与报警值不能相同", "The warning and alarm levels must differ"),
        _ => T("回差须不小于 0，且小于预警值与报警值之差", "The hysteresis must be at least 0 and smaller than the gap between the warning and alarm levels"),
    };

    private static string T(string zh, string en) => Language.Current.Pick(zh, en);
}
