using CommandCenter.Localization;

namespace CommandCenter.Components.Pages;

/// <summary>The words of the error and not-found pages, in the request's language.</summary>
public static class PagesText
{
    public static string ErrorTitle => T("出错了", "Error");
    public static string ErrorHeadline => T("处理请求时出错。", "An error occurred while processing your request.");
    public static string RequestId => T("请求编号：", "Request ID:");
    public static string NotFoundTitle => T("页面不存在", "Not found");
    public static string NotFoundText => T("您要找的内容不存在。", "Sorry, the content you are looking for does not exist.");

    private static string T(string zh, string en) => Language.Current.Pick(zh, en);
}
