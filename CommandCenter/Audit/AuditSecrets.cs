using CommandCenter.Configuration;
using CommandCenter.Security;
using Microsoft.AspNetCore.DataProtection;
using Twin.Data.Audit;
using Twin.Data.Store;

namespace CommandCenter.Audit;

/// <summary>
/// The audit chain's key and its anchor file (docs/decisions/0005-keyed-audit-chain-and-anchors.md).
/// The key comes from <see cref="SecurityOptions.AuditKey"/>; failing that, on SQLite from
/// <c>audit-chain.key</c> next to the database, on PostgreSQL from the shared database (so every
/// node extends one chain), encrypted with Data Protection either way, made on first use. The
/// anchors stay in files on each node, outside the database they check: whoever could rewrite the
/// log could rewrite anchors kept beside it.
/// </summary>
public sealed class AuditSecrets
{
    public const string KeyFileName = "audit-chain.key";
    public const string AnchorFileName = "audit-anchors.log";
    private const string Purpose = "CityOps.Twin.AuditChainKey.v1";
    public const string SharedSecretName = "audit-chain-key";

    private AuditSecrets(AuditChain chain, AuditAnchorFile anchors, AuditAnchorFile? mirror)
    {
        Chain = chain;
        Anchors = anchors;
        Mirror = mirror;
    }

    public AuditChain Chain { get; }

    public AuditAnchorFile Anchors { get; }

    /// <summary>The second anchor file (<see cref="SecurityOptions.AuditAnchorMirror"/>), if configured.</summary>
    public AuditAnchorFile? Mirror { get; }

    /// <summary>Where the anchors are written: the anchor file, and the mirror when there is one.</summary>
    public IEnumerable<AuditAnchorFile> AnchorFiles => Mirror is null ? [Anchors] : [Anchors, Mirror];

    /// <summary>
    /// Resolves the key and the anchor file. <paramref name="createKey"/> is false for verification:
    /// a verifier that made up a new key would report every row as tampered.
    /// </summary>
    public static AuditSecrets Resolve(SecurityOptions options, string databasePath, string contentRoot, IDataProtectionProvider protection, bool createKey,
        PostgresKeyStore? shared = null)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(databasePath))!;
        var anchors = string.IsNullOrWhiteSpace(options.AuditAnchorFile)
            ? Path.Combine(folder, AnchorFileName)
            : Path.GetFullPath(Path.Combine(contentRoot, options.AuditAnchorFile));
        var protector = protection.CreateProtector(Purpose);
        var chain = new AuditChain(ConfiguredKey(options) ?? (shared is null
            ? KeyFromFile(Path.Combine(folder, KeyFileName), protector, createKey)
            : SharedKey(shared, protector, createKey)));
        var mirror = string.IsNullOrWhiteSpace(options.AuditAnchorMirror)
            ? null
            : new AuditAnchorFile(Path.GetFullPath(Path.Combine(contentRoot, options.AuditAnchorMirror)), chain);
        return new AuditSecrets(chain, new AuditAnchorFile(anchors, chain), mirror);
    }

    /// <summary>
    /// The chain checked against every anchor in the anchor file and its mirror; a forged or garbled
    /// anchor file is itself a finding, and so are two files whose newest anchors disagree: whoever
    /// cut the log's newest rows and the last line of one file could not reach the other.
    /// </summary>
    public async Task<AuditVerification> VerifyAsync(AuditLog log, CancellationToken ct = default)
    {
        var anchors = new List<AuditAnchor>();
        var newest = new List<(string Path, long Seq)>();
        foreach (var file in AnchorFiles)
        {
            var (read, problem) = await file.ReadAsync(ct);
            if (problem is not null)
            {
                return new AuditVerification(0, null, $"{problem} ({file.Path})", AuditChain.Genesis);
            }

            anchors.AddRange(read);
            newest.Add((file.Path, read.Count == 0 ? 0 : read.Max(a => a.Seq)));
        }

        var verification = await log.VerifyAsync(anchors, ct);
        if (verification.Intact && newest is [var primary, var mirror] && primary.Seq != mirror.Seq)
        {
            return verification with
            {
                Problem = $"the anchor files disagree: {primary.Path} ends at row {primary.Seq}, {mirror.Path} at row {mirror.Seq}",
            };
        }

        return verification;
    }

    private static byte[]? ConfiguredKey(SecurityOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.AuditKey))
        {
            return null;
        }

        try
        {
            return Convert.FromBase64String(options.AuditKey.Trim()) is { Length: >= AuditChain.MinimumKeyBytes } configured
                ? configured
                : throw new InvalidOperationException($"Twin:Security:AuditKey must be base64 of at least {AuditChain.MinimumKeyBytes} bytes.");
        }
        catch (FormatException)
        {
            throw new InvalidOperationException("Twin:Security:AuditKey is not base64.");
        }
    }

    /// <summary>Nodes starting together each offer a new key; the first stored wins and all use it.</summary>
    private static byte[] SharedKey(PostgresKeyStore shared, IDataProtector protector, bool create)
    {
        var stored = shared.Secret(SharedSecretName);
        if (stored is null && !create)
        {
            throw new InvalidOperationException("No audit key: Twin:Security:AuditKey is not set and the database holds none.");
        }

        stored ??= shared.AddSecret(SharedSecretName,
            Convert.ToBase64String(protector.Protect(System.Security.Cryptography.RandomNumberGenerator.GetBytes(AuditChain.MinimumKeyBytes))));
        return protector.Unprotect(Convert.FromBase64String(stored));
    }

    private static byte[] KeyFromFile(string keyFile, IDataProtector protector, bool create)
    {
        if (File.Exists(keyFile))
        {
            return protector.Unprotect(Convert.FromBase64String(File.ReadAllText(keyFile).Trim()));
        }

        if (!create)
        {
            throw new InvalidOperationException($"No audit key: Twin:Security:AuditKey is not set and {keyFile} does not exist.");
        }

        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(AuditChain.MinimumKeyBytes);
        PrivateFiles.CreateDirectory(Path.GetDirectoryName(keyFile)!);
        using (var file = new StreamWriter(new FileStream(keyFile, PrivateFiles.Options(FileMode.CreateNew, FileAccess.Write))))
        {
            file.Write(Convert.ToBase64String(protector.Protect(key)));
        }

        return key;
    }
}
