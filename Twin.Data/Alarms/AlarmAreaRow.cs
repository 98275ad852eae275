namespace Twin.Data.Alarms;

/// <summary>
/// The area of an external (CAP) alarm, kept beside its alarm row so that the alarms table, which
/// every other alarm uses, keeps its shape. <see cref="Area"/> is the JSON of <see cref="AlarmAreaJson"/>.
/// </summary>
public sealed class AlarmAreaRow
{
    public required string AlarmId { get; set; }

    public required string Area { get; set; }
}
