using System.Globalization;
using CommandCenter.Localization;

namespace CommandCenter.Tests.Localization;

/// <summary>The header's language switch opens the same page, with what the page had chosen kept.</summary>
public sealed class LanguageSwitchTests
{
    [Fact]
    public void A_page_with_a_query_keeps_it_and_adds_the_other_language()
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
            Assert.Equal("/briefing?day=2026-12-06&period=month&lang=en", Language.SwitchHref("/briefing?day=2026-12-06&period=month"));
            Assert.Equal("/console?lang=en", Language.SwitchHref("/console"));

            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            Assert.Equal("/briefing?day=2026-12-06&lang=zh", Language.SwitchHref("/briefing?day=2026-12-06"));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
