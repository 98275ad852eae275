using CommandCenter.Security;
using Microsoft.AspNetCore.DataProtection;
using Twin.Data.Audit;

namespace CommandCenter.Audit;

/// <summary>
/// The audit chain's key and its anchor file (docs/decisions/0005-keyed-audit-chain-and-anchors.md).
/// The key comes from <see cref="SecurityOptions.AuditKey"/>; failing that, from
/// <c>audit-chain.key</c> next to the database, encrypted with Data Protection, made on first use.
/// </summary>
public sealed class AuditSecrets
{
    public const string KeyFileName = "audit-chain.key";
    public const string AnchorFileName = "audit-anchors.log";
    private const string Purpose = "CityOps.Twin.AuditChainKey.v1";

    private AuditSecrets(AuditChain chain, AuditAnchorFile anchors)
    {
        Chain = chain;
        Anchors = anchors;
    }

    public AuditChain Chain { get; }

    public AuditAnchorFile Anchors { get; }

    /// <summary>
    /// Resolves the key and the anchor file. <paramref name="createKey"/> is false for verification:
    /// a verifier that made up a new key would report every row as tampered.
    /// </summary>
    public static AuditSecrets Resolve(SecurityOptions options, string databasePath, string contentRoot, IDataProtectionProvider protection, bool createKey)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(databasePath))!;
        var anchors = string.IsNullOrWhiteSpace(options.AuditAnchorFile)
            ? Path.Combine(folder, AnchorFileName)
            : Path.GetFullPath(Path.Combine(contentRoot, options.AuditAnchorFile));
        var chain = new AuditChain(Key(options, Path.Combine(folder, KeyFileName), protection.CreateProtector(Purpose), createKey));
        return new AuditSecrets(chain, new AuditAnchorFile(anchors, chain));
    }

    /// <summary>The chain checked against every anchor in the anchor file; a forged or garbled anchor file is itself a finding.</summary>
    public async Task<AuditVerification> VerifyAsync(AuditLog log, CancellationToken ct = default)
    {
        var (anchors, problem) = await Anchors.ReadAsync(ct);
        return problem is null ? await log.VerifyAsync(anchors, ct) : new AuditVerification(0, null, problem, AuditChain.Genesis);
    }

    private static byte[] Key(SecurityOptions options, string keyFile, IDataProtector protector, bool create)
    {
        if (!string.IsNullOrWhiteSpace(options.AuditKey))
        {
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

        if (File.Exists(keyFile))
        {
            return protector.Unprotect(Convert.FromBase64String(File.ReadAllText(keyFile).Trim()));
        }

        if (!create)
        {
            throw new InvalidOperationException($"No audit key: Twin:Security:AuditKey is not set and {keyFile} does not exist.");
        }

        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(AuditChain.MinimumKeyBytes);
        Directory.CreateDirectory(Path.GetDirectoryName(keyFile)!);
        File.WriteAllText(keyFile, Convert.ToBase64String(protector.Protect(key)));
        return key;
    }
}
