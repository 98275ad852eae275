using StackExchange.Redis;

namespace CommandCenter.Configuration;

/// <summary>
/// The <c>Twin:Scale</c> section: what the nodes of one deployment share beyond the store. Empty
/// (the default) is one node on its own, exactly as before: no Redis is contacted.
/// </summary>
public sealed class ScaleOptions
{
    public const string Section = "Twin:Scale";

    /// <summary>A StackExchange.Redis connection string (e.g. <c>127.0.0.1:6379,password=…</c>); SignalR's backplane runs through it.</summary>
    public string? Redis { get; set; }

    /// <summary>
    /// Prefixes every backplane channel, so two deployments (say, a district's live twin and its
    /// training copy) on one Redis never deliver each other's messages.
    /// </summary>
    public string ChannelPrefix { get; set; } = "cityops-twin";

    public bool UsesRedis => !string.IsNullOrWhiteSpace(Redis);

    /// <summary>What cannot work, by configuration key; checked at start-up.</summary>
    public IEnumerable<string> Problems()
    {
        if (UsesRedis)
        {
            string? parseError = null;
            try
            {
                ConfigurationOptions.Parse(Redis!);
            }
            catch (ArgumentException ex)
            {
                parseError = ex.Message;
            }

            if (parseError is not null)
            {
                yield return $"Twin:Scale:Redis must be a StackExchange.Redis connection string such as '127.0.0.1:6379' ({parseError}).";
            }
        }

        if (string.IsNullOrWhiteSpace(ChannelPrefix) || ChannelPrefix.Length > 64 || ChannelPrefix.Any(char.IsWhiteSpace))
        {
            yield return $"Twin:Scale:ChannelPrefix must be 1–64 characters without spaces, not '{ChannelPrefix}'.";
        }
    }
}
