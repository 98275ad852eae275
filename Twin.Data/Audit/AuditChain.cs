using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Twin.Data.Audit;

/// <summary>
/// The hash chain over the audit log: each row's hash is SHA-256 over the previous row's hash and
/// the row's canonical form (a JSON array of its fields in a fixed order, so no two different rows
/// share a form). Editing, deleting or inserting a row breaks the chain at that row.
/// </summary>
public static class AuditChain
{
    /// <summary>The previous hash of the very first row.</summary>
    public static readonly string Genesis = new('0', 64);

    public static string Canonical(long id, AuditEntry e) => JsonSerializer.Serialize(new object?[]
    {
        id, e.At.UtcTicks, e.Actor, e.Action, e.Target, e.Outcome, e.Detail, e.Ip, e.UserAgent,
    });

    public static string Hash(string previousHash, long id, AuditEntry entry) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(previousHash + "\n" + Canonical(id, entry))));

    /// <summary>
    /// Checks rows in id order. The first row links to <see cref="Genesis"/>, or, after retention
    /// removed the oldest rows, to the anchor a later <c>audit.purge</c> row recorded.
    /// </summary>
    public static AuditVerification Verify(IEnumerable<AuditRecord> rowsInIdOrder, ISet<string> purgeAnchors)
    {
        long count = 0;
        AuditRecord? previous = null;
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
                return new(count, row.Id, "its content does not match its hash", row.Hash);
            }

            previous = row;
        }

        return new(count, null, null, previous?.Hash ?? Genesis);
    }

    public static string PurgeDetail(string anchor, long removed) => $"anchor={anchor};removed={removed}";

    public static string? AnchorOf(string? purgeDetail) =>
        purgeDetail is { } d && d.StartsWith("anchor=", StringComparison.Ordinal) ? d["anchor=".Length..].Split(';')[0] : null;
}
