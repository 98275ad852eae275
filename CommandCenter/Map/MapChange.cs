using System.Text.Json;
using Twin.Domain.Organisations;

namespace CommandCenter.Map;

/// <summary>
/// One numbered change of the map's live layers, before it is cut per group: the features sent whole (new, changed,
/// or whose visibility changed), the readings of sensors screens already hold, the features gone, and who could see
/// each of them before (<see cref="SeenBefore"/>), so that a group that saw a feature it no longer sees is told to
/// remove it. Built from committed change sets, or from a reset by <see cref="Between"/>.
/// </summary>
public sealed record MapChange(
    List<(string Layer, MapFeature Feature)> Full,
    List<SensorUpdate> SensorUpdates,
    List<FeatureRemoval> Removals,
    Dictionary<(string Layer, string Id), Func<AccessScope, bool>> SeenBefore)
{
    public bool IsEmpty => Full.Count == 0 && SensorUpdates.Count == 0 && Removals.Count == 0;

    public MapDelta Delta(long seq, DateTimeOffset at) => new(seq, at, Full.Select(f => f.Feature).ToList(), Removals, SensorUpdates);

    /// <summary>
    /// The delta a group sees: the upserts it may see; as removals, the features it saw before this
    /// change and no longer sees (a case that left its scope) or that are gone; and the readings of
    /// sensors it holds. A feature the group never saw reaches it in no form, not even its id.
    /// <paramref name="seesNow"/> says whether the group may see a feature (layer, id) after the change.
    /// </summary>
    public MapDelta For(string group, AccessScope? scope, MapDelta all, Func<string, string, bool> seesNow)
    {
        if (group == MapFanout.Everything)
        {
            return all;
        }

        bool SawBefore(string layer, string id) => scope is not null && SeenBefore.TryGetValue((layer, id), out var saw) && saw(scope);
        var upserts = Full.Where(f => seesNow(f.Layer, f.Feature.Id)).Select(f => f.Feature).ToList();
        var removals = Full.Where(f => !seesNow(f.Layer, f.Feature.Id) && SawBefore(f.Layer, f.Feature.Id)).Select(f => new FeatureRemoval(f.Layer, f.Feature.Id))
            .Concat(all.Removals.Where(r => SawBefore(r.Layer, r.Id))).ToList();
        var readings = all.SensorUpdates.Where(u => seesNow(MapLayers.Sensors, u.Id)).ToList();
        return all with { Upserts = upserts, Removals = removals, SensorUpdates = readings };
    }

    /// <summary>
    /// A reset (a follower's reload from the store, a writer's rebuild) told as the difference between the picture
    /// every screen holds (<paramref name="before"/>, the features each screen was sent up to the last seq) and the
    /// new one: features new or changed whole, sensors whose only change is their reading as a <see cref="SensorUpdate"/>,
    /// features gone as removals, and unchanged features whose visibility changed for one of <paramref name="scopes"/>
    /// (a case reassigned to another department) whole, so each group gets them or their removal. A follower reloads
    /// after every commit of the writer; a snapshot of the whole picture to every screen each time cost each screen
    /// the whole district's JSON per reload and held its seq still.
    /// </summary>
    public static MapChange Between(MapPicture before, MapPicture after, IReadOnlyCollection<AccessScope> scopes)
    {
        var change = new MapChange([], [], [], []);
        foreach (var (layer, features) in after.Layers)
        {
            var held = before.Layers[layer];
            foreach (var (id, feature) in features)
            {
                if (!held.TryGetValue(id, out var previous))
                {
                    change.Full.Add((layer, feature));
                    continue;
                }

                var seenBefore = before.SeenBy[(layer, id)];
                var seenNow = after.SeenBy[(layer, id)];
                if (scopes.Any(scope => seenBefore(scope) != seenNow(scope)))
                {
                    change.SeenBefore[(layer, id)] = seenBefore;
                    change.Full.Add((layer, feature));
                }
                else if (layer == MapLayers.Sensors && MapFeatures.SensorChange(previous, feature) is { } update)
                {
                    if (!update.IsEmpty)
                    {
                        change.SensorUpdates.Add(update);
                    }
                }
                else if (!Same(previous, feature))
                {
                    change.SeenBefore[(layer, id)] = seenBefore;
                    change.Full.Add((layer, feature));
                }
            }

            foreach (var id in held.Keys.Where(id => !features.ContainsKey(id)))
            {
                change.SeenBefore[(layer, id)] = before.SeenBy[(layer, id)];
                change.Removals.Add(new FeatureRemoval(layer, id));
            }
        }

        return change;
    }

    private static bool Same(MapFeature a, MapFeature b) =>
        a.Geometry.Coordinates.AsSpan().SequenceEqual(b.Geometry.Coordinates)
        && a.Properties.Count == b.Properties.Count
        && a.Properties.All(p => b.Properties.TryGetValue(p.Key, out var other) && SameValue(p.Value, other));

    // An alarm's area is an anonymous GeoJSON object, new for every feature: compared as the JSON a screen receives.
    private static bool SameValue(object? a, object? b) =>
        Equals(a, b) || (a is not null && b is not null && a.GetType() == b.GetType() && !a.GetType().IsValueType && a is not string
            && JsonSerializer.Serialize(a, WireJson<object>.Options) == JsonSerializer.Serialize(b, WireJson<object>.Options));
}

/// <summary>The map's live layers as every screen holds them: each feature by layer and id, and who may see it (judged on the case, alarm or sensor it shows).</summary>
public sealed class MapPicture
{
    public Dictionary<string, Dictionary<string, MapFeature>> Layers { get; } =
        MapLayers.Live.ToDictionary(l => l, _ => new Dictionary<string, MapFeature>(StringComparer.Ordinal));

    public Dictionary<(string Layer, string Id), Func<AccessScope, bool>> SeenBy { get; } = [];

    public void Add(string layer, MapFeature feature, Func<AccessScope, bool> seenBy)
    {
        Layers[layer][feature.Id] = feature;
        SeenBy[(layer, feature.Id)] = seenBy;
    }

    public void Remove(string layer, string id)
    {
        Layers[layer].Remove(id);
        SeenBy.Remove((layer, id));
    }

    /// <summary>
    /// The picture after a follower's reload: <paramref name="reloaded"/>, read from the store, except the features the
    /// writer's stream changed since that read began (<paramref name="streamed"/>), which stay as the screens hold them
    /// (<paramref name="held"/>), with this round's streamed <paramref name="upserts"/> and <paramref name="removals"/> on
    /// top. The read may predate those commits; taken whole, it would take them back until the next reload.
    /// </summary>
    public static MapPicture AfterReload(MapPicture held, MapPicture reloaded, IEnumerable<(string Layer, string Id)> streamed,
        IReadOnlyDictionary<(string Layer, string Id), (MapFeature Feature, Func<AccessScope, bool> SeenBy)> upserts, IEnumerable<FeatureRemoval> removals)
    {
        foreach (var (layer, id) in streamed)
        {
            if (held.Layers[layer].TryGetValue(id, out var feature))
            {
                reloaded.Add(layer, feature, held.SeenBy[(layer, id)]);
            }
            else
            {
                reloaded.Remove(layer, id);
            }
        }

        foreach (var removal in removals)
        {
            reloaded.Remove(removal.Layer, removal.Id);
        }

        foreach (var ((layer, _), (feature, seenBy)) in upserts)
        {
            reloaded.Add(layer, feature, seenBy);
        }

        return reloaded;
    }
}
