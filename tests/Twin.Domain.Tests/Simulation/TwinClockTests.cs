using Microsoft.Extensions.Time.Testing;
using Twin.Domain.Time;

namespace Twin.Domain.Tests.Simulation;

public sealed class TwinClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 1, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1, 10, 10)]
    [InlineData(60, 10, 600)]
    [InlineData(0.5, 10, 5)]
    public void Runs_at_the_speed_factor(double speed, int realSeconds, int simulatedSeconds)
    {
        var source = new FakeTimeProvider(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var clock = new TwinClock(source, Start, speed);
        Assert.Equal(Start, clock.GetUtcNow());

        source.Advance(TimeSpan.FromSeconds(realSeconds));

        Assert.Equal(Start.AddSeconds(simulatedSeconds), clock.GetUtcNow());
    }

    [Fact]
    public void Starts_from_the_given_instant_whatever_the_source_reads()
    {
        var source = new FakeTimeProvider(new DateTimeOffset(2031, 5, 1, 12, 0, 0, TimeSpan.Zero));
        var shanghaiStart = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(8));

        var clock = new TwinClock(source, shanghaiStart, 60);

        Assert.Equal(shanghaiStart, clock.GetUtcNow());
        Assert.Equal(TimeSpan.Zero, clock.GetUtcNow().Offset);
        Assert.Equal("Asia/Shanghai", clock.LocalTimeZone.Id);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Refuses_a_speed_that_is_not_above_zero(double speed) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TwinClock(new FakeTimeProvider(), Start, speed));
}
