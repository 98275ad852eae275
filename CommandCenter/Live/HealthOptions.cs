using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Live;

/// <summary>The <c>Twin:Health</c> section: what readiness (<c>/healthz/ready</c>) demands beyond a running twin.</summary>
public sealed class HealthOptions
{
    public const string Section = "Twin:Health";

    /// <summary>
    /// Free space the database's disk must keep; below it the app reports itself not ready, before
    /// SQLite's writes (and the daily backup, a copy of the whole file) start failing.
    /// </summary>
    [Range(0, 10_000_000, ErrorMessage = "Twin:Health:MinFreeDiskMegabytes must lie in 0–10,000,000 (0 turns the disk check off).")]
    public long MinFreeDiskMegabytes { get; set; } = 1024;
}
