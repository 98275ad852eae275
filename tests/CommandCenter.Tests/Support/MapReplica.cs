using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;

namespace CommandCenter.Tests.Support;

/// <summary>
/// A subscriber that follows the hub protocol as a screen must (docs/hub-protocol.md): apply a
/// snapshot, then deltas whose seq is exactly last + 1; on a gap, ask for a snapshot and drop
/// deltas until it comes. It records its whole picture after every seq so two replicas can be
/// compared at the same seq.
/// </summary>
public sealed class MapReplica
{
    private readonly object _gate = new();
    private readonly Dictionary<string, string> _features = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, string> _stateBySeq = new();
    private readonly List<long> _deltaSeqs = [];
    private readonly List<string> _raw = [];
    private readonly HubConnection _connection;
    private readonly bool _recordStates;
    private long _seq = -1;
    private bool _awaitingSnapshot = true;
    private int _deltasToDrop;

    /// <param name="recordStates">Hash the whole picture after every seq (costly; only for comparisons).</param>
    public MapReplica(HubConnection connection, bool recordStates = true)
    {
        _connection = connection;
        _recordStates = recordStates;
        connection.On<JsonElement>("Snapshot", OnSnapshot);
        connection.On<JsonElement>("Delta", OnDelta);
    }

    public int SnapshotsReceived { get; private set; }

    public int GapsDetected { get; private set; }

    public long Seq
    {
        get
        {
            lock (_gate)
            {
                return _seq;
            }
        }
    }

    public IReadOnlyList<long> DeltaSeqs
    {
        get
        {
            lock (_gate)
            {
                return [.. _deltaSeqs];
            }
        }
    }

    /// <summary>Every message received, as raw JSON text.</summary>
    public IReadOnlyList<string> RawMessages
    {
        get
        {
            lock (_gate)
            {
                return [.. _raw];
            }
        }
    }

    public IReadOnlyDictionary<long, string> StateBySeq => _stateBySeq;

    /// <summary>The ids of the features held in <paramref name="layer"/>.</summary>
    public IReadOnlyList<string> Ids(string layer)
    {
        lock (_gate)
        {
            return [.. _features.Keys.Where(k => k.StartsWith(layer + "/", StringComparison.Ordinal)).Select(k => k[(layer.Length + 1)..])];
        }
    }

    public int Count(string layer)
    {
        lock (_gate)
        {
            return _features.Keys.Count(k => k.StartsWith(layer + "/", StringComparison.Ordinal));
        }
    }

    /// <summary>Forces a gap: the next delta is lost as if the network dropped it.</summary>
    public void DropNextDelta()
    {
        lock (_gate)
        {
            _deltasToDrop++;
        }
    }

    public void ExpectResync()
    {
        lock (_gate)
        {
            _awaitingSnapshot = true;
        }
    }

    private void OnSnapshot(JsonElement snapshot)
    {
        lock (_gate)
        {
            _raw.Add(snapshot.GetRawText());
            _features.Clear();
            foreach (var layer in snapshot.GetProperty("layers").EnumerateObject())
            {
                foreach (var feature in layer.Value.GetProperty("features").EnumerateArray())
                {
                    _features[layer.Name + "/" + feature.GetProperty("id").GetString()] = Canonical(JsonNode.Parse(feature.GetRawText())!);
                }
            }

            _seq = snapshot.GetProperty("seq").GetInt64();
            _awaitingSnapshot = false;
            SnapshotsReceived++;
            Record();
        }
    }

    private void OnDelta(JsonElement delta)
    {
        bool resync;
        lock (_gate)
        {
            _raw.Add(delta.GetRawText());
            if (_deltasToDrop > 0)
            {
                _deltasToDrop--;
                return;
            }

            var seq = delta.GetProperty("seq").GetInt64();
            if (_awaitingSnapshot || seq <= _seq)
            {
                return;
            }

            resync = seq != _seq + 1;
            if (!resync)
            {
                foreach (var feature in delta.GetProperty("upserts").EnumerateArray())
                {
                    var layer = feature.GetProperty("properties").GetProperty("layer").GetString();
                    _features[layer + "/" + feature.GetProperty("id").GetString()] = Canonical(JsonNode.Parse(feature.GetRawText())!);
                }

                if (delta.TryGetProperty("sensorUpdates", out var updates))
                {
                    foreach (var update in updates.EnumerateArray())
                    {
                        ApplySensorUpdate(update);
                    }
                }

                foreach (var removal in delta.GetProperty("removals").EnumerateArray())
                {
                    _features.Remove(removal.GetProperty("layer").GetString() + "/" + removal.GetProperty("id").GetString());
                }

                _seq = seq;
                _deltaSeqs.Add(seq);
                Record();
            }
            else
            {
                GapsDetected++;
                _awaitingSnapshot = true;
            }
        }

        if (resync)
        {
            _ = _connection.InvokeAsync("RequestSnapshot");
        }
    }

    /// <summary>Sets the properties an update carries on the sensor held; the others stay.</summary>
    private void ApplySensorUpdate(JsonElement update)
    {
        var key = "sensors/" + update.GetProperty("id").GetString();
        var feature = JsonNode.Parse(_features[key])!;
        var properties = feature["properties"]!.AsObject();
        foreach (var changed in update.EnumerateObject().Where(p => p.Name != "id"))
        {
            properties[changed.Name] = JsonNode.Parse(changed.Value.GetRawText());
        }

        _features[key] = Canonical(feature);
    }

    /// <summary>One text per picture, however the feature was reached (snapshot, upsert or update).</summary>
    private static string Canonical(JsonNode feature) => feature.ToJsonString();

    private void Record()
    {
        if (!_recordStates)
        {
            return;
        }

        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var feature in _features.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(feature.Value));
        }

        _stateBySeq[_seq] = Convert.ToHexString(hash.GetHashAndReset());
    }
}
