using System.Runtime.InteropServices;

namespace Twin.Benchmarks.Search;

/// <summary>
/// The process's CPU time (user + system) from getrusage, to the microsecond: .NET's
/// <c>Process.TotalProcessorTime</c> reads /proc in 10 ms clock ticks, coarser than one search.
/// </summary>
internal static class CpuTime
{
    private const int RusageSelf = 0;

    public static TimeSpan Process()
    {
        if (!OperatingSystem.IsLinux() || GetRusage(RusageSelf, out var usage) != 0)
        {
            return System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        }

        return TimeSpan.FromMicroseconds((usage.UserSeconds + usage.SystemSeconds) * 1_000_000.0 + usage.UserMicroseconds + usage.SystemMicroseconds);
    }

    [DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetRusage(int who, out Rusage usage);

    /// <summary>struct rusage on 64-bit Linux: two timevals, then fourteen longs this bench does not read.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 144)]
    private struct Rusage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
    }
}
