using Twin.Domain.Geography;

namespace Twin.Domain.Alarms;

/// <summary>
/// An alert from an outside warning system (a CAP 1.2 Alert or Update) as the engine takes it.
/// <see cref="SourceKey"/> identifies the message ("sender,identifier"); an Update names the
/// messages it replaces in <see cref="Replaces"/>. <see cref="Location"/> is the point inside
/// the district where the alarm is pinned; <see cref="Area"/> is what it covers.
/// </summary>
public sealed record ExternalAlert(
    string SourceKey,
    string Kind,
    string Title,
    AlarmSeverity Severity,
    GeoPoint Location,
    AlarmArea Area,
    IReadOnlyList<string> Replaces)
{
    /// <summary>The ingestion source (API key) that sent it, kept with the alarm so that no other source can update or cancel it.</summary>
    public string? Owner { get; init; }
}
