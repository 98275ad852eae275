using CommandCenter.Localization;

namespace CommandCenter.Components.Account;

/// <summary>The account pages' words (sign-in, password, access denied, sign-out), in the page's language.</summary>
public static class AccountText
{
    public static string AppName => T("普陀区城市运行数字孪生", "CityOps Twin · Putuo");
    public static string SignIn => T("登录", "Sign in");
    public static string SignInSubtitle => T("登录 · Sign in", "Sign in · 登录");
    public static string UserName => T("用户名", "User name");
    public static string Password => T("密码", "Password");
    public static string SignOut => T("退出", "Sign out");

    public static string Invalid => T("用户名或密码错误。", "Wrong user name or password.");
    public static string Throttled => T("尝试过于频繁，请一分钟后再试。", "Too many attempts; try again in a minute.");
    public static string LoggedOut => T("已退出登录。", "You have signed out.");
    public static string Ended => T("会话已被结束（账号被停用或变更），请重新登录。", "Your session was ended (account disabled or changed). Please sign in again.");
    public static string Revoked => T("此大屏的授权已被撤销，请联系管理员重新配对。", "This wall's pairing was revoked; ask an administrator for a new link.");
    public static string FormExpired => T("登录页面已过期，请重新输入用户名和密码。", "The sign-in page had expired. Please enter your user name and password again.");
    public static string SignInAgain => T("请重新登录。", "Please sign in again.");

    public static string Idle(int minutes) => T($"{minutes} 分钟无操作，已自动退出，请重新登录。", $"Signed out after {minutes} minutes without activity. Please sign in again.");
    public static string Expired(int hours) => T($"登录已满 {hours} 小时，请重新登录。", $"Your sign-in reached its {hours}-hour limit. Please sign in again.");

    public static string ChangePassword => T("修改密码", "Change password");
    public static string MustReplace => T("首次登录或密码被重置后须设置新密码。", "A one-time password must be replaced before you continue.");
    public static string PasswordsDiffer => T("两次输入的新密码不一致。", "The new passwords differ.");
    public static string CurrentPassword => T("当前密码", "Current password");
    public static string NewPassword(int length) => T($"新密码（至少 {length} 位，含小写字母和数字）", $"New password (at least {length} characters, with a lower-case letter and a digit)");
    public static string ConfirmPassword => T("确认新密码", "Confirm the new password");
    public static string Save => T("保存", "Save");

    public static string AccessDenied => T("无权访问", "Access denied");
    public static string MayNotOpen => T("当前账号无权查看此页面。", "This account may not open this page.");
    public static string AttemptRecorded => T("此次访问已记录。", "The attempt is recorded.");
    public static string Home => T("返回首页", "Home");
    public static string SignInAsSomeoneElse => T("切换账号", "Sign in as someone else");

    /// <summary>A page as the links between pages name it (<see cref="PageLinks"/>).</summary>
    public static string PageName(string page) => page switch
    {
        PageLinks.Wall => T("大屏", "Wall"),
        PageLinks.Console => T("值班台 · 历史搜索", "Duty desk · search"),
        PageLinks.Briefing => T("领导简报", "Briefing"),
        PageLinks.Field => T("一线通达", "Field"),
        PageLinks.Admin => T("管理", "Administration"),
        _ => page,
    };

    private static string T(string zh, string en) => Language.Current.Pick(zh, en);
}
