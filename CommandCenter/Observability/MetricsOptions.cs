using System.ComponentModel.DataAnnotations;
using System.Net;

namespace CommandCenter.Observability;

/// <summary>
/// The <c>Twin:Metrics</c> section: who may read <c>/metrics</c>. The numbers name no person, but
/// they tell an outsider how busy the centre is and which sources feed it, so by default only the
/// machine itself (a Prometheus agent or a proxy beside the app) may read them.
/// </summary>
public sealed class MetricsOptions : IValidatableObject
{
    public const string Section = "Twin:Metrics";

    /// <summary>
    /// Client addresses or CIDR networks allowed to scrape (the client's, after forwarded headers
    /// from known proxies). Empty (the default): loopback only. A list rather than a default the
    /// binder would append configured entries to.
    /// </summary>
    public List<string> AllowedAddresses { get; set; } = [];

    private static readonly string[] Loopback = ["127.0.0.1", "::1"];

    /// <summary>
    /// A bearer token (<c>Authorization: Bearer …</c>, Prometheus' <c>authorization</c> setting) that
    /// lets a scraper from any address in; at least 32 characters. Empty: addresses only.
    /// </summary>
    public string? ApiKey { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var address in AllowedAddresses)
        {
            if (!IPAddress.TryParse(address, out _) && !IPNetwork.TryParse(address, out _))
            {
                yield return new ValidationResult(
                    $"{Section}:AllowedAddresses: '{address}' is neither an IP address nor a CIDR network (e.g. 10.0.0.0/8).", [nameof(AllowedAddresses)]);
            }
        }

        if (ApiKey is { Length: > 0 and < 32 })
        {
            yield return new ValidationResult($"{Section}:ApiKey must be at least 32 characters (or empty for addresses only).", [nameof(ApiKey)]);
        }
    }

    /// <summary>Whether <paramref name="address"/> is one of <see cref="AllowedAddresses"/> (an IPv4-mapped IPv6 address counts as its IPv4).</summary>
    public bool Allows(IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        foreach (var allowed in AllowedAddresses.Count == 0 ? Loopback : (IEnumerable<string>)AllowedAddresses)
        {
            if (IPAddress.TryParse(allowed, out var one) ? one.Equals(address) : IPNetwork.Parse(allowed).Contains(address))
            {
                return true;
            }
        }

        return false;
    }
}
