using Twin.Domain.Geography;
using Twin.Domain.Sensors;

namespace Twin.Domain.Simulation;

public sealed partial class TwinSimulator
{
    /// <summary>A simulated device: its schedule, its episodes and the value state the engine will have derived.</summary>
    private sealed class SimSensor
    {
        private readonly TimeSpan _phase;

        // Episodes are drawn up to the end of a call before its readings are made, so one call can
        // hold several of them for a device; they are kept in order and dropped once past.
        private readonly Queue<Episode> _breaches = new();
        private readonly Queue<Episode> _silences = new();
        private DateTimeOffset _lastBreachEnd = DateTimeOffset.MinValue;
        private DateTimeOffset _lastSilenceEnd = DateTimeOffset.MinValue;

        public SimSensor(SensorDefinition definition, int index, SubDistrict subDistrict, SimulatorOptions options)
        {
            Definition = definition;
            Index = index;
            SubDistrict = subDistrict;
            Profile = SensorFleet.ProfileOf(definition.Kind);
            _phase = definition.ReportInterval * DeterministicNoise.Unit(options.Seed, index, -2);
            if (Profile.BatteryPowered)
            {
                var low = DeterministicNoise.Unit(options.Seed, index, -3) < options.LowBatteryShare;
                var level = DeterministicNoise.Unit(options.Seed, index, -4);
                BatteryPercent = Math.Round(low ? 6 + 8 * level : 35 + 65 * level);
            }
        }

        public SensorDefinition Definition { get; }

        public int Index { get; }

        public SubDistrict SubDistrict { get; }

        public SensorKindProfile Profile { get; }

        public double? BatteryPercent { get; }

        public DateTimeOffset Origin { get; set; }

        /// <summary>Observation number n is due at Origin + phase + n × interval.</summary>
        public long NextObservation { get; set; }

        public DateTimeOffset NextAt => At(NextObservation);

        public DateTimeOffset At(long observation) => Origin + _phase + Definition.ReportInterval * observation;

        public ValueState ValueState { get; set; }

        /// <summary>Every breach the device was given, in order, when its hours are to be summed up afterwards; else null.</summary>
        public List<Episode>? BreachLog { get; private set; }

        /// <summary>Every silence the device was given, in order, likewise.</summary>
        public List<Episode>? SilenceLog { get; private set; }

        /// <summary>Starts both logs with the episodes already given (a rainy spell's) and keeps every later one.</summary>
        public void KeepEpisodes()
        {
            BreachLog = [.. _breaches];
            SilenceLog = [.. _silences];
        }

        /// <summary>The numbers of the observations due in [<paramref name="from"/>, <paramref name="until"/>): first, and one past the last.</summary>
        public (long First, long End) ObservationsIn(DateTimeOffset from, DateTimeOffset until)
        {
            var start = Origin + _phase;
            long Ceiling(DateTimeOffset t) => t <= start ? 0 : (long)Math.Ceiling((t - start) / Definition.ReportInterval);
            return (Ceiling(from), Ceiling(until));
        }

        /// <summary>Moves the schedule so that the next observation falls after <paramref name="instant"/>.</summary>
        public void SkipTo(DateTimeOffset instant)
        {
            if (NextAt > instant)
            {
                return;
            }

            var elapsed = instant - Origin - _phase;
            NextObservation = Math.Max(NextObservation, (long)Math.Floor(elapsed / Definition.ReportInterval) + 1);
        }

        /// <summary>A breach episode, unless the device is still in one.</summary>
        public void Breach(DateTimeOffset from, DateTimeOffset until, double peak)
        {
            if (_lastBreachEnd <= from)
            {
                _breaches.Enqueue(new Episode(from, until, peak));
                BreachLog?.Add(new Episode(from, until, peak));
                _lastBreachEnd = until;
            }
        }

        /// <summary>
        /// When a device that reports only around its episodes should report again: at once while
        /// an episode (with a few readings either side, so that it is seen to start and to clear) is
        /// on, else at the next one's lead-in, else at <paramref name="quietUntil"/>.
        /// </summary>
        public DateTimeOffset ResumeAt(DateTimeOffset at, DateTimeOffset quietUntil)
        {
            var margin = Definition.ReportInterval * 3;
            foreach (var episode in _breaches)
            {
                if (episode.Until + margin > at)
                {
                    var leadIn = episode.From - margin;
                    return leadIn < quietUntil ? leadIn : quietUntil;
                }
            }

            return quietUntil;
        }

        /// <summary>A silence, unless the device is already silent then.</summary>
        public void Silence(DateTimeOffset from, DateTimeOffset until)
        {
            if (_lastSilenceEnd <= from)
            {
                _silences.Enqueue(new Episode(from, until, 0));
                SilenceLog?.Add(new Episode(from, until, 0));
                _lastSilenceEnd = until;
            }
        }

        /// <summary>Readings are asked for in time order, so episodes that ended before <paramref name="at"/> are dropped.</summary>
        public bool IsSilentAt(DateTimeOffset at) => Current(_silences, at) is not null;

        /// <summary>The normal reading, lifted towards the episode's peak: ramp up, hold, ramp down (30/40/30 %).</summary>
        public double Reading(int seed, long observation, DateTimeOffset at, double shanghaiHour, double rainfall) =>
            ReadingIn(Current(_breaches, at), seed, observation, at, shanghaiHour, rainfall);

        /// <summary>The reading during <paramref name="breach"/> (null: none), without touching the episode queue: for summing up past hours.</summary>
        public double ReadingIn(Episode? breach, int seed, long observation, DateTimeOffset at, double shanghaiHour, double rainfall)
        {
            var value = SensorReadings.Normal(Profile, seed, Index, observation, at, shanghaiHour, rainfall);
            if (breach is { } b)
            {
                var f = (at - b.From) / (b.Until - b.From);
                var shape = f < 0.3 ? f / 0.3 : f < 0.7 ? 1.0 : (1 - f) / 0.3;
                value += (b.Peak - value) * shape;
            }

            return Math.Round(value, Profile.Decimals);
        }

        private static Episode? Current(Queue<Episode> episodes, DateTimeOffset at)
        {
            while (episodes.TryPeek(out var first) && first.Until <= at)
            {
                episodes.Dequeue();
            }

            return episodes.TryPeek(out var current) && current.From <= at ? current : null;
        }

        public readonly record struct Episode(DateTimeOffset From, DateTimeOffset Until, double Peak);
    }
}
