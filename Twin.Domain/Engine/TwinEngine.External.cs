using Twin.Domain.Alarms;
using Twin.Domain.Privacy;

namespace Twin.Domain.Engine;

public sealed partial class TwinEngine
{
    /// <summary>
    /// An outside warning system (CAP) raised or updated an alert. An update clears the active
    /// alarms of the messages it replaces and raises one alarm in their place, so the wall shows
    /// the latest message only. The alarm stays until a cancel clears it.
    /// </summary>
    public InputResult RaiseExternalAlarm(ExternalAlert alert)
    {
        if (string.IsNullOrWhiteSpace(alert.SourceKey) || string.IsNullOrWhiteSpace(alert.Kind))
        {
            return InputResult.Refused("An external alert needs a source key and a kind.");
        }

        if (string.IsNullOrWhiteSpace(alert.Title))
        {
            return InputResult.Refused($"External alert {alert.SourceKey} needs a title.");
        }

        if (!Enum.IsDefined(alert.Severity))
        {
            return InputResult.Refused($"External alert {alert.SourceKey}: unknown severity.");
        }

        if (alert.Area.Problem() is { } problem)
        {
            return InputResult.Refused($"External alert {alert.SourceKey}: {problem}.");
        }

        if (!_district.Contains(alert.Location))
        {
            return InputResult.Refused($"External alert {alert.SourceKey}: {alert.Location} lies outside {_district.Name}.");
        }

        if (FindActiveExternal(alert.SourceKey) is { } existing)
        {
            return InputResult.Refused($"External alert {alert.SourceKey} is already active as {existing.Id}.");
        }

        var now = Now;
        RollDayIfNeeded(now);
        foreach (var replaced in alert.Replaces)
        {
            if (FindActiveExternal(replaced) is { } old)
            {
                ClearAlarm(old.Id, now, alert.SourceKey);
            }
        }

        RaiseAlarm(
            AlarmSource.Cap,
            alert.SourceKey,
            alert.Kind.Trim(),
            alert.Severity,
            alert.Title.Trim(),
            alert.Location,
            _district.SubDistrictFor(alert.Location).Code,
            now,
            alert.Area,
            alert.Owner);
        ProposeFromCap(alert.SourceKey, alert.Kind.Trim(), FreeTextMask.Mask(alert.Title.Trim()));
        Version++;
        return InputResult.Ok;
    }

    /// <summary>An outside warning system withdrew its alert: the active alarms of the named messages are cleared.</summary>
    public InputResult CancelExternalAlarm(IReadOnlyList<string> sourceKeys, string actor)
    {
        if (string.IsNullOrWhiteSpace(actor))
        {
            return InputResult.Refused("Cancelling an external alert needs the cancelling message.");
        }

        var active = (sourceKeys ?? []).Select(FindActiveExternal).OfType<AlarmState>().ToList();
        if (active.Count == 0)
        {
            return InputResult.Refused($"No active external alarm was raised by {string.Join(" ", sourceKeys ?? [])}.");
        }

        var now = Now;
        RollDayIfNeeded(now);
        foreach (var alarm in active)
        {
            ClearAlarm(alarm.Id, now, actor.Trim());
        }

        Version++;
        return InputResult.Ok;
    }

    // Linear: external alerts are a handful among the active alarms, and this runs once per CAP message.
    private AlarmState? FindActiveExternal(string sourceKey) =>
        _activeAlarms.Values.FirstOrDefault(a => a.Source == AlarmSource.Cap && string.Equals(a.SourceId, sourceKey, StringComparison.Ordinal));
}
