using Twin.Domain.Alarms;
using Twin.Domain.Sensors;
using Twin.Domain.Tickets;

namespace CommandCenter.Vocabulary;

/// <summary>
/// How the screens draw the vocabulary: the one set of colours and symbols behind the console's
/// chips, the legend's keys (emitted as CSS custom properties) and the map (sent to twinmap.js as
/// the vocabulary document). The names are the domain's (<see cref="Twin.Domain.Vocabulary.Names"/>).
/// </summary>
public static class VocabularyStyle
{
    /// <summary>Only open tickets are on the map; the closed ones' colours serve the console.</summary>
    public static string Color(TicketStatus status) => status switch
    {
        TicketStatus.Discovered => "#ffe14d",
        TicketStatus.Filed => "#4dd2ff",
        TicketStatus.Dispatched => "#4d7dff",
        TicketStatus.Handling => "#ff9f1a",
        TicketStatus.Review => "#c77dff",
        TicketStatus.Closed => "#5fd38d",
        TicketStatus.Evaluated => "#2fa36b",
        TicketStatus.Merged => "#8a96a3",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string Color(AlarmSeverity severity) => severity switch
    {
        AlarmSeverity.Info => "#4da6ff",
        AlarmSeverity.Minor => "#ffd24d",
        AlarmSeverity.Major => "#ff8c1a",
        AlarmSeverity.Critical => "#ff2d55",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, null),
    };

    /// <summary>The queue's priority chip: 紧急 shares the critical alarm's red, so that red means "now" on every screen.</summary>
    public static string Color(TicketPriority priority) => priority switch
    {
        TicketPriority.Low => "#8a96a3",
        TicketPriority.Normal => "#4da6ff",
        TicketPriority.High => "#ff8c1a",
        TicketPriority.Urgent => "#ff2d55",
        _ => throw new ArgumentOutOfRangeException(nameof(priority), priority, null),
    };

    /// <summary>The alarm's dot grows with its severity, so that a critical one is seen from the back of the hall.</summary>
    public static int Radius(AlarmSeverity severity) => severity switch
    {
        AlarmSeverity.Info => 7,
        AlarmSeverity.Minor => 8,
        AlarmSeverity.Major => 10,
        AlarmSeverity.Critical => 12,
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, null),
    };

    /// <summary>
    /// Normal readings are the background hum of 2,000 devices: muted so they do not bury the map;
    /// warning and alarm readings are the ones worth seeing.
    /// </summary>
    public static string Color(ValueState state) => state switch
    {
        ValueState.Normal => "rgba(120, 205, 175, 0.55)",
        ValueState.Warning => "#ffb020",
        ValueState.Alarm => "#ff3b3b",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    /// <summary>
    /// Shape tells the dispatch channel, colour the status. Circles are kept for sensors and alarms
    /// and the upright triangle for AI cameras, so no ticket shape is mistaken for those.
    /// </summary>
    public static ChannelShape Shape(TicketChannel channel) => channel switch
    {
        TicketChannel.Hotline12345 => new(4, Math.PI / 4, null),
        TicketChannel.GridPatrol => new(4, 0, null),
        TicketChannel.SmartCase => new(6, 0, null),
        TicketChannel.AiVideo => new(3, Math.PI, null),
        TicketChannel.VideoPatrol => new(5, 0, null),
        TicketChannel.CitizenApp => new(5, 0, 0.45),
        TicketChannel.NonPolice110 => new(4, 0, 0.4),
        TicketChannel.DeskCall => new(6, 0, 0.5),
        TicketChannel.DeskLetter => new(8, 0, null),
        TicketChannel.DeskVisit => new(8, 0, 0.6),
        TicketChannel.DeskOther => new(4, Math.PI / 4, 0.5),
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, null),
    };

    /// <summary>The AI camera's upright triangle.</summary>
    public static ChannelShape AiCameraShape { get; } = new(3, 0, null);
}

/// <summary>
/// An OpenLayers RegularShape: <paramref name="Points"/> corners, the first facing up when
/// <paramref name="Angle"/> (radians) is 0, and a star when <paramref name="Inner"/> (the inner
/// radius as a share of the outer) is set.
/// </summary>
public sealed record ChannelShape(int Points, double Angle, double? Inner);
