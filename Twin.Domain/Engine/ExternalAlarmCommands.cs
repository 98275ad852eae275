using Twin.Domain.Alarms;

namespace Twin.Domain.Engine;

/// <summary>Raises an external alert; when it replaces earlier messages, their active alarms are cleared first.</summary>
public sealed record RaiseExternalAlarmCommand(ExternalAlert Alert) : TwinCommand;

/// <summary>Clears the active external alarms raised by the messages <see cref="SourceKeys"/> (a CAP Cancel).</summary>
public sealed record CancelExternalAlarmCommand(IReadOnlyList<string> SourceKeys, string Actor) : TwinCommand;
