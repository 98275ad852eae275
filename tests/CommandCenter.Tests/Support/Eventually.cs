using Microsoft.Extensions.Time.Testing;

namespace CommandCenter.Tests.Support;

/// <summary>
/// The one way app tests wait: poll a condition until it holds or a deadline passes, instead of
/// sleeping a fixed time and hoping. A test is then as fast as the app, and fails with what it waited for.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    public static Task Until(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        Until(() => Task.FromResult(condition()), what, timeout);

    public static async Task Until(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting until {what}.");
            }

            await Task.Delay(Poll);
        }
    }

    /// <summary>
    /// Moves <paramref name="clock"/> on by <paramref name="step"/> between polls until
    /// <paramref name="condition"/> holds: for what the app does when its time comes (a timeout, an idle check).
    /// </summary>
    public static Task Advancing(FakeTimeProvider clock, TimeSpan step, Func<bool> condition, string what, TimeSpan? timeout = null) =>
        Until(() =>
        {
            if (condition())
            {
                return true;
            }

            clock.Advance(step);
            return false;
        }, what, timeout);

    /// <summary>Polls <paramref name="probe"/> until it answers something, and returns that.</summary>
    public static async Task<T> Value<T>(Func<T?> probe, string what, TimeSpan? timeout = null)
        where T : class
    {
        T? value = null;
        await Until(() => (value = probe()) is not null, what, timeout);
        return value!;
    }
}
