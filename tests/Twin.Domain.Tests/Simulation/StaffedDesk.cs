using Microsoft.Extensions.Time.Testing;
using Twin.Domain.Alarms;
using Twin.Domain.Cameras;
using Twin.Domain.Engine;
using Twin.Domain.Simulation;
using Twin.Domain.Tickets;
using Twin.Domain.Time;

namespace Twin.Domain.Tests.Simulation;

/// <summary>
/// The host's loop at <c>SpeedFactor=60</c> on a fake clock: every real second the simulator's
/// commands for the simulated minute are applied, then the engine ticks. A person at the desk acts
/// between seconds through <see cref="Do"/>. Every ticket step and alarm change is recorded.
/// </summary>
public sealed class StaffedDesk
{
    public const string Person = "值班员张（zhang）";

    public static readonly DateTimeOffset Start = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    private readonly FakeTimeProvider _real = new(Start);
    private readonly TwinSimulator _simulator;
    private DateTimeOffset _simulatedTo;

    public StaffedDesk(string simulatedStaff)
    {
        var clock = new TwinClock(_real, Start, speedFactor: 60);
        Engine = new TwinEngine(SimulationWorld.Map, SimulationWorld.Catalogue, clock);
        _simulator = new TwinSimulator(
            SimulationWorld.Map, SimulationWorld.Catalogue, SimulationWorld.Cameras, new SimulatorOptions { SensorCount = 300, SimulatedStaff = simulatedStaff });
        _simulatedTo = Start;
    }

    public TwinEngine Engine { get; }

    public List<TicketTransition> Steps { get; } = [];

    public List<AlarmChanged> AlarmChanges { get; } = [];

    public static Camera AiCamera(int index) => SimulationWorld.Cameras.Where(c => c.Ai).ElementAt(index);

    /// <summary>Real seconds pass; each is a simulated minute.</summary>
    public void RunSeconds(int seconds)
    {
        for (var i = 0; i < seconds; i++)
        {
            _real.Advance(TimeSpan.FromSeconds(1));
            var to = Engine.Now;
            foreach (var command in _simulator.Advance(_simulatedTo, to, Engine.Snapshot()))
            {
                Engine.Apply(command);
            }

            _simulatedTo = to;
            Engine.Apply(new TickCommand());
            Drain();
        }
    }

    public void Do(TwinCommand command)
    {
        var result = Engine.Apply(command);
        Assert.True(result.Accepted, result.Reason);
        Drain();
    }

    /// <summary>An AI camera of the simulated layout sees something: simulated staff would acknowledge it within minutes.</summary>
    public string RaiseAiAlarm(int cameraIndex)
    {
        var camera = AiCamera(cameraIndex);
        Do(new RaiseAiVideoAlarmCommand(new AiVideoEvent(camera.Id, TwinSimulator.ThrownObjectKind, $"{camera.Name} 疑似高空抛物", camera.Location, AlarmSeverity.Major, Engine.Now)));
        return AlarmChanges.Last(c => c.Change == AlarmChange.Raised).Alarm.Id;
    }

    public IEnumerable<TicketTransition> StepsOf(string ticketId) => Steps.Where(s => s.TicketId == ticketId);

    private void Drain()
    {
        foreach (var e in Engine.DrainEvents())
        {
            switch (e)
            {
                case TicketChanged t:
                    Steps.Add(t.Transition);
                    break;
                case AlarmChanged a:
                    AlarmChanges.Add(a);
                    break;
            }
        }
    }
}
