namespace Twin.Domain.Simulation;

/// <summary>
/// Settings of the simulated district (bound from <c>Twin:Simulator</c>). Defaults give the scale
/// of the seed document: ~2,000 devices, ~1,500 tickets and ~40 高空抛物 detections a day.
/// </summary>
public sealed class SimulatorOptions
{
    public const string SectionName = "Twin:Simulator";

    /// <summary>Read by the host: whether to run the simulator at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Same seed and same Advance calls give the same commands.</summary>
    public int Seed { get; set; } = 20221;

    /// <summary>Read by the host to build its <see cref="Time.TwinClock"/> (1 = real time, 60 = a minute per second).</summary>
    public double SpeedFactor { get; set; } = 1;

    /// <summary>
    /// Read by the host: where the twin's clock starts (default: now). Demos and tests use it to run
    /// a particular hour of the day, e.g. the mid-morning peak, whatever the wall-clock time.
    /// </summary>
    public DateTimeOffset? StartAt { get; set; }

    public int SensorCount { get; set; } = 2000;

    /// <summary>All channels together, smart cases and AI video tickets included.</summary>
    public int TicketsPerDay { get; set; } = 1500;

    public int AiEventsPerDay { get; set; } = 40;

    public int SensorReportSecondsMin { get; set; } = 10;

    public int SensorReportSecondsMax { get; set; } = 60;

    /// <summary>Episodes, over the whole fleet, in which a reading ramps past warning (and mostly alarm) and back.</summary>
    public double BreachEpisodesPerDay { get; set; } = 48;

    /// <summary>Long silences (15–90 min) over the whole fleet: the engine marks the sensor offline.</summary>
    public double OutagesPerDay { get; set; } = 24;

    /// <summary>Short silences (4–8 report intervals) over the whole fleet: the engine marks the sensor stale.</summary>
    public double StaleGapsPerDay { get; set; } = 60;

    /// <summary>Share of battery-powered devices (manholes, smoke detectors) that report a low battery.</summary>
    public double LowBatteryShare { get; set; } = 0.03;

    /// <summary>Share of non-gauge sensors placed in the 苏河秀带 corridor rather than by population.</summary>
    public double CorridorSensorShare { get; set; } = 0.1;

    /// <summary>Share of tickets that overrun one step's time limit.</summary>
    public double OverdueShare { get; set; } = 0.08;

    /// <summary>Share of closed tickets that are evaluated (问效) afterwards.</summary>
    public double EvaluatedShare { get; set; } = 0.4;

    /// <summary>A simulated duty officer acknowledges an alarm this many minutes after it is raised (spread per alarm).</summary>
    public int AcknowledgeMinutesMin { get; set; } = 2;

    public int AcknowledgeMinutesMax { get; set; } = 12;

    /// <summary>
    /// Whether the simulator also plays the centre's staff and the departments (filing, dispatching,
    /// handling, closing tickets, acknowledging alarms): <c>on</c>, <c>off</c> (nothing moves but by
    /// people and timers), or the share 0–1 of cases they work; the rest are left to people, the
    /// most urgent first. Whatever the setting, they never touch a case a person opened or acted on.
    /// </summary>
    public string SimulatedStaff { get; set; } = "on";

    /// <summary><see cref="SimulatedStaff"/> as a share: on is 1, off is 0.</summary>
    public double SimulatedStaffShare => ParseShare(SimulatedStaff) ?? throw new ArgumentException($"{SectionName}: SimulatedStaff must be on, off or a share 0–1, not '{SimulatedStaff}'.");

    /// <summary>Drones patrolling the creek (2–4), each on its own route; 0 turns the drone simulation off.</summary>
    public int DroneCount { get; set; } = 3;

    /// <summary>
    /// <c>daily</c> (an ordinary day) or <c>typhoon</c>: a storm from the start — rain, rising creek
    /// levels, waterlogging reports and a CAP typhoon warning (<see cref="StormScenario"/>).
    /// </summary>
    public string Scenario { get; set; } = DailyScenario;

    public const string DailyScenario = "daily";

    /// <summary>
    /// Read by the host: on a first run (an empty store) the simulated district's previous days
    /// are written into the store before it goes live, so the wall starts with a month behind it; 0 = none.
    /// </summary>
    public int HistoryDays { get; set; } = 30;

    /// <summary>Throws when a value cannot work; the host calls it at start-up.</summary>
    public void Validate()
    {
        static void Require(bool ok, string what)
        {
            if (!ok)
            {
                throw new ArgumentException($"{SectionName}: {what}.");
            }
        }

        Require(double.IsFinite(SpeedFactor) && SpeedFactor > 0, "SpeedFactor must be above 0");
        Require(SensorCount >= 50, "SensorCount must be at least 50 so that every kind of sensor exists");
        Require(TicketsPerDay >= 0 && AiEventsPerDay >= 0, "TicketsPerDay and AiEventsPerDay cannot be negative");
        Require(SensorReportSecondsMin >= 1 && SensorReportSecondsMax >= SensorReportSecondsMin, "SensorReportSeconds needs 1 <= Min <= Max");
        Require(IsRate(BreachEpisodesPerDay) && IsRate(OutagesPerDay) && IsRate(StaleGapsPerDay), "episode rates must be finite and not negative");
        Require(IsShare(LowBatteryShare) && IsShare(CorridorSensorShare) && IsShare(OverdueShare) && IsShare(EvaluatedShare), "shares must lie in 0–1");
        Require(DroneCount is 0 or (>= 2 and <= 4), "DroneCount must be 0 or 2–4");
        Require(Scenario is DailyScenario or StormScenario.Name, $"Scenario must be {DailyScenario} or {StormScenario.Name}");
        Require(HistoryDays is >= 0 and <= 400, "HistoryDays must lie in 0–400");
        Require(AcknowledgeMinutesMin >= 0 && AcknowledgeMinutesMax >= AcknowledgeMinutesMin, "AcknowledgeMinutes needs 0 <= Min <= Max");
        Require(ParseShare(SimulatedStaff) is not null, $"SimulatedStaff must be on, off or a share 0–1, not '{SimulatedStaff}'");
    }

    private static double? ParseShare(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "on" => 1,
        "off" => 0,
        { } text when double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var share) && IsShare(share) => share,
        _ => null,
    };

    private static bool IsRate(double value) => double.IsFinite(value) && value >= 0;

    private static bool IsShare(double value) => value is >= 0 and <= 1;
}
