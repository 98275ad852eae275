using CommandCenter.Audit;

namespace CommandCenter.Tests.Access;

/// <summary>The audit view shows stored UTC instants, in the time column and inside details, in Shanghai time.</summary>
public sealed class AuditDisplayTests
{
    [Fact]
    public void Instants_in_a_detail_are_shown_in_Shanghai_time_and_the_rest_is_kept()
    {
        var shown = AuditDisplay.ShanghaiTimes("New→Filed; twin time 2026-11-30T01:30:00.0000000+00:00");

        Assert.Equal("New→Filed; twin time 2026-11-30 09:30:00 上海", shown);
        Assert.Equal("rows=12", AuditDisplay.ShanghaiTimes("rows=12"));
        Assert.Null(AuditDisplay.ShanghaiTimes(null));
    }

    [Fact]
    public void The_time_column_is_Shanghai_time()
    {
        Assert.Equal("2026-12-01 07:59:59", AuditDisplay.Time(new DateTimeOffset(2026, 11, 30, 23, 59, 59, TimeSpan.Zero)));
    }
}
