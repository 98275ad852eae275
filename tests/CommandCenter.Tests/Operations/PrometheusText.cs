using System.Globalization;
using System.Text.RegularExpressions;

namespace CommandCenter.Tests.Operations;

/// <summary>Reads samples out of a Prometheus text exposition, as a scraper would.</summary>
public static partial class PrometheusText
{
    /// <summary>The sum of every sample of <paramref name="name"/> whose labels include all of <paramref name="labels"/>; 0 when there is none.</summary>
    public static double Sum(string exposition, string name, params (string Name, string Value)[] labels)
    {
        var total = 0.0;
        foreach (Match m in Sample().Matches(exposition))
        {
            if (m.Groups["name"].Value != name)
            {
                continue;
            }

            var present = Label().Matches(m.Groups["labels"].Value).ToDictionary(l => l.Groups[1].Value, l => l.Groups[2].Value);
            if (labels.All(l => present.TryGetValue(l.Name, out var v) && v == l.Value))
            {
                total += double.Parse(m.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
            }
        }

        return total;
    }

    public static bool Has(string exposition, string name) =>
        Sample().Matches(exposition).Any(m => m.Groups["name"].Value == name);

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^}]*)\})? (?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex Sample();

    [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex Label();
}
