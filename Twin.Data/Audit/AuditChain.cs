using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Twin.Data.Audit;

/// <summary>
/// The keyed hash chain over the audit log: each row's hash is HMAC-SHA256, under the audit key,
/// over the previous row's hash and the row's canonical form (a JSON array of its fields in a fixed
/// order, so no two different rows share a form). Editing, deleting or inserting a row breaks the
/// chain at that row, and without the key nobody can compute a chain that verifies
/// (docs/decisions/0005-keyed-audit-chain-and-anchors.md).
/// </summary>
public sealed class AuditChain
{
    /// <summary>The previous hash of the very first row.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>HMAC-SHA256 keys shorter than its block's half give less than 128 bits of security.</summary>
    public const int MinimumKeyBytes = 32;

    private readonly byte[] _key;

    public AuditChain(byte[] key)
    {
        if (key.Length < MinimumKeyBytes)
        {
            throw new ArgumentException($"The audit key must be at least {MinimumKeyBytes} bytes.", nameof(key));
        }

        _key = key.ToArray();
    }

    public static string Canonical(long id, AuditEntry e) => JsonSerializer.Serialize(new object?[]
    {
        id, e.At.UtcTicks, e.Actor, e.Action, e.Target, e.Outcome, e.Detail, e.Ip, e.UserAgent,
    });

    public string Hash(string previousHash, long id, AuditEntry entry) => Mac(previousHash + "\n" + Canonical(id, entry));

    /// <summary>The authentication code of an anchor line, so that a forged anchor is told from a real one.</summary>
    public string AnchorMac(AuditAnchor anchor) =>
        Mac(FormattableString.Invariant($"anchor\n{anchor.Seq}\n{anchor.Hash}\n{anchor.At.UtcTicks}"));

    private string Mac(string text) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text)));

    /// <summary>
    /// Checks rows in id order. The first row links to <see cref="Genesis"/>, or, after retention
    /// removed the oldest rows, to the anchor a later <c>audit.purge</c> row recorded. Then every
    /// head anchor recorded outside the table must still be there, unchanged: a row the log no longer
    /// has means its newest end was cut; a different hash means the chain was rewritten.
    /// </summary>
    public AuditVerification Verify(IEnumerable<AuditRecord> rowsInIdOrder, ISet<string> purgeAnchors, IReadOnlyList<AuditAnchor> headAnchors)
    {
        long count = 0;
        AuditRecord? previous = null;
        var hashes = new Dictionary<long, string>();
        foreach (var row in rowsInIdOrder)
        {
            count++;
            if (previous is null)
            {
                var anchored = row.Id == 1 ? row.PreviousHash == Genesis : purgeAnchors.Contains(row.PreviousHash);
                if (!anchored)
                {
                    return new(count, row.Id, "the oldest row links to neither the start of the log nor a recorded purge", row.Hash);
                }
            }
            else if (row.Id != previous.Id + 1)
            {
                return new(count, row.Id, $"row {previous.Id + 1} is missing", row.Hash);
            }
            else if (row.PreviousHash != previous.Hash)
            {
                return new(count, row.Id, "its link does not match the previous row's hash", row.Hash);
            }

            if (Hash(row.PreviousHash, row.Id, row.Entry) != row.Hash)
            {
                return new(count, row.Id, "its content does not match its keyed hash", row.Hash);
            }

            hashes[row.Id] = row.Hash;
            previous = row;
        }

        var head = previous?.Id ?? 0;
        var oldest = hashes.Count == 0 ? head + 1 : hashes.Keys.Min();
        foreach (var anchor in headAnchors.OrderBy(a => a.Seq))
        {
            if (anchor.Seq > head)
            {
                return new(count, head + 1, $"the log ends at row {head} but row {anchor.Seq} was anchored at {anchor.At:O} (hash {anchor.Hash[..12]}…): its newest rows were cut off", previous?.Hash ?? Genesis);
            }

            // Rows before the oldest one were removed by retention, which the purge row accounts for.
            if (anchor.Seq >= oldest && hashes[anchor.Seq] != anchor.Hash)
            {
                return new(count, anchor.Seq, $"its hash differs from the one anchored at {anchor.At:O}: the chain was recomputed", previous?.Hash ?? Genesis);
            }
        }

        return new(count, null, null, previous?.Hash ?? Genesis) { HeadSeq = head };
    }

    public static string PurgeDetail(string anchor, long removed) => $"anchor={anchor};removed={removed}";

    public static string? AnchorOf(string? purgeDetail) =>
        purgeDetail is { } d && d.StartsWith("anchor=", StringComparison.Ordinal) ? d["anchor=".Length..].Split(';')[0] : null;
}
