using Microsoft.Extensions.Time.Testing;
using Twin.Domain.Alarms;
using Twin.Domain.Dispatch;
using Twin.Domain.Engine;
using Twin.Domain.Sensors;
using Twin.Domain.Simulation;
using Twin.Domain.Tickets;
using Twin.Domain.Time;

namespace Twin.Domain.Tests.Simulation;

/// <summary>
/// One simulated Shanghai day, driven the way the host drives it: the engine's
/// clock moves to the end of each step, the simulator's commands for the step are applied in order,
/// then the engine ticks. What the tests need is recorded on the way.
/// </summary>
public sealed class SimulatedDay
{
    public static readonly DateTimeOffset Start = new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();
    public static readonly TimeSpan Step = TimeSpan.FromMinutes(3);

    public SimulatedDay()
    {
        // Half the default fleet keeps the run short; tickets, AI events and episode rates are the defaults.
        Options = new SimulatorOptions { SensorCount = 1000 };
        var clock = new FakeTimeProvider(Start);
        Engine = new TwinEngine(SimulationWorld.Map, SimulationWorld.Catalogue, clock);
        var simulator = new TwinSimulator(SimulationWorld.Map, SimulationWorld.Catalogue, SimulationWorld.Cameras, Options);
        Sensors = simulator.Sensors;

        for (var from = Start; from < Start.AddDays(1); from += Step)
        {
            clock.Advance(Step);
            foreach (var command in simulator.Advance(from, from + Step, Engine.Snapshot()))
            {
                var result = Engine.Apply(command);
                if (!result.Accepted)
                {
                    Refusals.Add($"{command.GetType().Name}: {result.Reason}");
                }

                Record(command);
            }

            Engine.Apply(new TickCommand());
            foreach (var e in Engine.DrainEvents())
            {
                Record(e);
            }

            Engine.DrainChangedSensors();
            if (from + Step == Start.AddHours(16))
            {
                AfternoonSigns = Engine.Snapshot().VitalSigns;
            }
        }
    }

    public SimulatorOptions Options { get; }

    /// <summary>The vital signs at 16:00 Shanghai time (at the end of the run the day's counters have rolled over).</summary>
    public VitalSigns? AfternoonSigns { get; private set; }

    public TwinEngine Engine { get; }

    public IReadOnlyList<SensorDefinition> Sensors { get; }

    public List<string> Refusals { get; } = [];

    public List<TicketReport> Reports { get; } = [];

    public Dictionary<TicketStatus, int> StatusChanges { get; } = [];

    /// <summary>The loop's own actions the simulator took: 退单, re-dispatch, evaluations, reopenings.</summary>
    public List<DispatchCommand> LoopActions { get; } = [];

    public int Observations { get; private set; }

    public int AiEvents { get; private set; }

    public int Acknowledgements { get; private set; }

    public HashSet<string> SensorAlarmsRaised { get; } = [];

    public HashSet<string> SensorAlarmsCleared { get; } = [];

    public HashSet<string> AiAlarmsCleared { get; } = [];

    public HashSet<string> SensorsStale { get; } = [];

    public HashSet<string> SensorsOffline { get; } = [];

    public HashSet<string> SensorsLowBattery { get; } = [];

    private void Record(TwinCommand command)
    {
        switch (command)
        {
            case RecordObservationCommand:
                Observations++;
                break;
            case ReportTicketCommand c:
                Reports.Add(c.Report);
                break;
            case ChangeTicketStatusCommand c:
                StatusChanges[c.To] = StatusChanges.GetValueOrDefault(c.To) + 1;
                break;
            case EvaluateTicketCommand { Satisfied: true } c:
                StatusChanges[TicketStatus.Evaluated] = StatusChanges.GetValueOrDefault(TicketStatus.Evaluated) + 1;
                LoopActions.Add(c);
                break;
            case DispatchCommand c:
                LoopActions.Add(c);
                break;
            case RaiseAiVideoAlarmCommand:
                AiEvents++;
                break;
            case AcknowledgeAlarmCommand:
                Acknowledgements++;
                break;
        }
    }

    private void Record(TwinEvent e)
    {
        switch (e)
        {
            case AlarmChanged { Alarm.Source: AlarmSource.SensorThreshold, Change: AlarmChange.Raised } a:
                SensorAlarmsRaised.Add(a.Alarm.Id);
                break;
            case AlarmChanged { Alarm.Source: AlarmSource.SensorThreshold, Change: AlarmChange.Cleared } a:
                SensorAlarmsCleared.Add(a.Alarm.Id);
                break;
            case AlarmChanged { Alarm.Source: AlarmSource.AiVideo, Change: AlarmChange.Cleared } a:
                AiAlarmsCleared.Add(a.Alarm.Id);
                break;
            case SensorHealthChanged { Sensor.Health: SensorHealth.Stale } h:
                SensorsStale.Add(h.Sensor.Definition.Id);
                break;
            case SensorHealthChanged { Sensor.Health: SensorHealth.Offline } h:
                SensorsOffline.Add(h.Sensor.Definition.Id);
                break;
            case SensorHealthChanged { Sensor.Health: SensorHealth.LowBattery } h:
                SensorsLowBattery.Add(h.Sensor.Definition.Id);
                break;
        }
    }

    public static int ShanghaiHour(DateTimeOffset utc) => ShanghaiClock.ToLocal(utc).Hour;
}
