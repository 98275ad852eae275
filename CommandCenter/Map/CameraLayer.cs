using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Twin.Domain.Cameras;
using Twin.Domain.Geography;

namespace CommandCenter.Map;

/// <summary>
/// The static camera layer: 21,000 features that never change while the app runs. They are
/// serialised once and served as a file whose URL carries a hash of its content (see
/// <see cref="CameraEndpoints"/>), so a wall fetches them over HTTP in parallel with the hub's
/// snapshot, compressed, and from its cache on the next load. The same bytes, parsed, answer the
/// hub's <c>GetCameras</c> for screens that only speak SignalR.
/// </summary>
public sealed class CameraLayer
{
    private readonly Lazy<JsonElement> _featureCollection;
    private readonly Task<EncodedFile> _file;

    public CameraLayer(DistrictMap district, IReadOnlyList<Camera> cameras)
    {
        Cameras = cameras;
        var utf8 = new Lazy<byte[]>(() => new WireJson<FeatureCollection>(new FeatureCollection(
            cameras.Select(c => MapFeatures.Camera(c, district.FindSubDistrict(c.SubDistrictCode)?.Name ?? c.SubDistrictCode)).ToList())).Utf8);
        _featureCollection = new Lazy<JsonElement>(() => JsonDocument.Parse(utf8.Value).RootElement);
        // Compressed off the request path, so the first wall after start-up does not wait for it.
        _file = Task.Run(() => EncodedFile.From(utf8.Value));
    }

    public IReadOnlyList<Camera> Cameras { get; }

    /// <summary>The layer as one GeoJSON FeatureCollection (see docs/hub-protocol.md).</summary>
    public JsonElement FeatureCollectionJson => _featureCollection.Value;

    public Task<EncodedFile> FileAsync() => _file;

    /// <summary>The GeoJSON file in three encodings, named by the hash of its content.</summary>
    public sealed record EncodedFile(string Version, byte[] Identity, byte[] Gzip, byte[] Brotli)
    {
        public static EncodedFile From(byte[] utf8) => new(
            Convert.ToHexStringLower(SHA256.HashData(utf8))[..16],
            utf8,
            Compress(utf8, s => new GZipStream(s, CompressionLevel.SmallestSize)),
            Compress(utf8, s => new BrotliStream(s, CompressionLevel.Optimal)));

        private static byte[] Compress(byte[] data, Func<Stream, Stream> compressor)
        {
            using var output = new MemoryStream();
            using (var stream = compressor(output))
            {
                stream.Write(data);
            }

            return output.ToArray();
        }
    }
}
