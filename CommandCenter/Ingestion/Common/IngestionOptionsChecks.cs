namespace CommandCenter.Ingestion.Common;

/// <summary>What in <c>Twin:Ingestion</c> cannot work, by configuration key; checked at start-up.</summary>
public static class IngestionOptionsChecks
{
    /// <summary>Keys shorter than this are guessable; a generated key (e.g. <c>openssl rand -base64 32</c>) is far longer.</summary>
    public const int MinKeyLength = 12;

    public static IEnumerable<string> Problems(IngestionOptions options)
    {
        if (options.ReadRatePerMinute < 1)
        {
            yield return $"{IngestionOptions.Section}:ReadRatePerMinute must be at least 1.";
        }

        if (options.MaxSingleBytes < 1024 || options.MaxBatchBytes < options.MaxSingleBytes)
        {
            yield return $"{IngestionOptions.Section}: MaxSingleBytes must be at least 1024 and MaxBatchBytes at least MaxSingleBytes.";
        }

        for (var i = 0; i < options.Sources.Count; i++)
        {
            var source = options.Sources[i];
            var key = $"{IngestionOptions.Section}:Sources:{i}";
            if (string.IsNullOrWhiteSpace(source.Name))
            {
                yield return $"{key}:Name is required (it names the source in the audit log and the metrics).";
            }

            if (source.ApiKey.Length < MinKeyLength)
            {
                yield return $"{key}:ApiKey ({source.Name}) must be at least {MinKeyLength} characters.";
            }

            if (source.RatePerMinute < 1)
            {
                yield return $"{key}:RatePerMinute ({source.Name}) must be at least 1.";
            }
        }

        foreach (var name in options.Sources.GroupBy(s => s.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            yield return $"{IngestionOptions.Section}:Sources: the name '{name}' is used twice.";
        }

        if (options.Sources.Where(s => s.ApiKey.Length > 0).GroupBy(s => s.ApiKey, StringComparer.Ordinal).Any(g => g.Count() > 1))
        {
            yield return $"{IngestionOptions.Section}:Sources: two sources share one ApiKey; each needs its own.";
        }
    }
}
