using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace CommandCenter.Ingestion.Common;

/// <summary>How large a body an ingestion endpoint takes, and whether it needs a source's API key.</summary>
public enum IngestBodySize
{
    None,
    Single,
    Batch,
}

/// <summary>Endpoint metadata that puts an endpoint behind the ingestion gate; a keyed endpoint names the scope (<see cref="IngestScopes"/>) its key needs.</summary>
public sealed record IngestEndpoint(IngestBodySize Body, bool RequiresKey, string? Scope);

/// <summary>
/// What the gate learnt about one request before the endpoint runs: the body (read whole, within
/// the endpoint's limit, so a handler never sees a truncated or unbounded stream), the form when
/// the body is one, and the source its API key belongs to.
/// </summary>
public sealed class IngestRequest
{
    private const string ItemKey = "CommandCenter.Ingestion.Request";

    public byte[] Body { get; private init; } = [];

    public Dictionary<string, StringValues> Form { get; private init; } = [];

    public IngestionSource? Source { get; private set; }

    /// <summary>Why the key was refused; null when it was accepted or not needed.</summary>
    public string? KeyProblem { get; private set; }

    public string BodyText => Encoding.UTF8.GetString(Body);

    public static IngestRequest Of(HttpContext context) =>
        context.Items[ItemKey] as IngestRequest ?? throw new InvalidOperationException("The ingestion gate did not run for this endpoint.");

    internal static IngestRequest? Find(HttpContext context) => context.Items[ItemKey] as IngestRequest;

    internal static IngestRequest Attach(HttpContext context, byte[] body)
    {
        var isForm = context.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;
        var request = new IngestRequest
        {
            Body = body,
            Form = isForm && body.Length > 0 ? QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)) : [],
        };
        context.Items[ItemKey] = request;
        return request;
    }

    /// <summary>
    /// Finds the source by its key: the <c>X-Api-Key</c> header, or <c>api_key</c> in the query or
    /// form (Open311's own place for it). Keys are compared in constant time.
    /// </summary>
    internal void ResolveSource(HttpContext context, IReadOnlyList<IngestionSource> sources)
    {
        if (sources.Count == 0)
        {
            KeyProblem = "Ingestion is not configured on this server: no source has an API key (Twin:Ingestion:Sources).";
            return;
        }

        string? key = context.Request.Headers["X-Api-Key"].FirstOrDefault();
        key ??= context.Request.Query["api_key"].FirstOrDefault();
        key ??= Form.GetValueOrDefault("api_key").FirstOrDefault();
        if (string.IsNullOrEmpty(key))
        {
            KeyProblem = "An API key is required: send it in the X-Api-Key header or as api_key.";
            return;
        }

        Source = SourceOf(key, sources);
        KeyProblem = Source is null ? "The API key is not known." : null;
    }

    /// <summary>The source whose key <paramref name="key"/> is, compared in constant time; null for none.</summary>
    internal static IngestionSource? SourceOf(string? key, IReadOnlyList<IngestionSource> sources)
    {
        if (string.IsNullOrEmpty(key))
        {
            return null;
        }

        var offered = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return sources.FirstOrDefault(s =>
            s.ApiKey.Length > 0 && CryptographicOperations.FixedTimeEquals(offered, SHA256.HashData(Encoding.UTF8.GetBytes(s.ApiKey))));
    }
}
