using Twin.Domain.Field;

namespace CommandCenter.Field;

/// <summary><c>Twin:Field</c>: what a phone may upload with a field report, and how its photos are kept.</summary>
public sealed class FieldOptions
{
    public const string Section = "Twin:Field";

    /// <summary>The largest photo file accepted, as uploaded (a phone's 12 MP JPEG is 3–6 MB).</summary>
    public int MaxPhotoBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>A photo's longer side as stored and served; larger photos are scaled down.</summary>
    public int MaxPhotoEdgePixels { get; set; } = 2560;

    public IEnumerable<string> Problems()
    {
        if (MaxPhotoBytes < 64 * 1024 || MaxPhotoBytes > FieldRules.MaxPhotoBytes)
        {
            yield return $"{Section}:MaxPhotoBytes must lie in 65536–{FieldRules.MaxPhotoBytes}.";
        }

        if (MaxPhotoEdgePixels is < 640 or > 8192)
        {
            yield return $"{Section}:MaxPhotoEdgePixels must lie in 640–8192.";
        }
    }
}
