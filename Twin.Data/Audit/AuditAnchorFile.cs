using System.Globalization;
using System.Text;

namespace Twin.Data.Audit;

/// <summary>
/// The append-only file of head anchors: one line per anchor, <c>seq hash at-utc-ticks mac</c>, the
/// mac keyed like the chain so that nobody without the key can add a believable anchor. It lives
/// outside the database (ideally on other storage), so cutting the log's newest rows or rewriting
/// the chain leaves the log disagreeing with an anchor written before.
/// </summary>
public sealed class AuditAnchorFile(string path, AuditChain chain)
{
    public string Path { get; } = path;

    public async Task AppendAsync(AuditAnchor anchor, CancellationToken ct = default)
    {
        Store.PrivateFiles.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
        var line = string.Create(CultureInfo.InvariantCulture, $"{anchor.Seq} {anchor.Hash} {anchor.At.UtcTicks} {chain.AnchorMac(anchor)}\n");
        // Append mode and a flush to disk: an anchor that was reported written survives a crash.
        await using var file = new FileStream(Path, Store.PrivateFiles.Options(FileMode.Append, FileAccess.Write, FileOptions.WriteThrough));
        await file.WriteAsync(Encoding.ASCII.GetBytes(line), ct);
    }

    /// <summary>Every anchor in the file; a line that is malformed or whose mac does not hold is reported, not skipped.</summary>
    public async Task<(IReadOnlyList<AuditAnchor> Anchors, string? Problem)> ReadAsync(CancellationToken ct = default)
    {
        if (!File.Exists(Path))
        {
            return ([], null);
        }

        var anchors = new List<AuditAnchor>();
        var number = 0;
        foreach (var line in await File.ReadAllLinesAsync(Path, ct))
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split(' ');
            if (parts.Length != 4 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seq)
                || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
            {
                return (anchors, $"anchor file line {number} is malformed");
            }

            var anchor = new AuditAnchor(seq, parts[1], new DateTimeOffset(ticks, TimeSpan.Zero));
            if (chain.AnchorMac(anchor) != parts[3])
            {
                return (anchors, $"anchor file line {number} was not written with the audit key");
            }

            anchors.Add(anchor);
        }

        return (anchors, null);
    }
}
