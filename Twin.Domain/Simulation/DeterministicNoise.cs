namespace Twin.Domain.Simulation;

/// <summary>
/// Random numbers addressed by keys rather than drawn in sequence (SplitMix64 finaliser): a
/// reading's noise depends only on (seed, sensor, observation number), so it does not depend on
/// how the simulated time was cut into Advance calls.
/// </summary>
internal static class DeterministicNoise
{
    public static ulong Hash(long a, long b, long c)
    {
        var h = Mix((ulong)a);
        h = Mix(h ^ (ulong)b);
        return Mix(h ^ (ulong)c);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public static double Unit(long a, long b, long c) => (Hash(a, b, c) >> 11) * (1.0 / (1UL << 53));

    /// <summary>Standard normal (Box–Muller on two keyed uniforms).</summary>
    public static double Gaussian(long a, long b, long c)
    {
        var u1 = 1.0 - Unit(a, b, 2 * c);
        var u2 = Unit(a, b, 2 * c + 1);
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>A seed for <see cref="Random"/> derived from keys, for the rare draws that need several numbers.</summary>
    public static int SeedFor(long a, long b, long c) => (int)(Hash(a, b, c) & 0x7FFF_FFFF);

    /// <summary>FNV-1a over the UTF-16 units: string.GetHashCode is randomised per process, this is not.</summary>
    public static long StableHash(string text)
    {
        var h = 14695981039346656037UL;
        foreach (var c in text)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        return (long)(h >> 1);
    }

    private static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
