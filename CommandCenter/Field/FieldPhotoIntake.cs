using System.Globalization;
using System.Security.Cryptography;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using SkiaSharp;
using Twin.Domain.Field;
using Twin.Domain.Geography;

namespace CommandCenter.Field;

/// <summary>Why an uploaded photo was refused: the HTTP status and the words of its problem details.</summary>
public sealed record PhotoRefusal(int Status, string Title, string Detail);

/// <summary>
/// Turns an uploaded photo into what is stored: its size and type checked (by its bytes, not its
/// name), its EXIF place and time read for the evidence record, and the image decoded and encoded
/// afresh — turned upright by its EXIF orientation, its longer side at most
/// <see cref="FieldOptions.MaxPhotoEdgePixels"/> — so the served bytes carry no metadata at all
/// (no GPS, no camera serial, no XMP), and a file that only looks like an image is refused.
/// </summary>
public sealed class FieldPhotoIntake(FieldOptions options)
{
    /// <summary>Pixels decoded at most (a 48 MP phone photo), so a small file cannot demand gigabytes when decoded.</summary>
    private const long MaxPixels = 48_000_000;

    private const int JpegQuality = 85;

    private static readonly TimeSpan ShanghaiOffset = TimeSpan.FromHours(8);

    public (FieldPhotoUpload? Photo, PhotoRefusal? Refusal) Read(byte[] bytes, string? declaredType, string name)
    {
        if (bytes.Length > options.MaxPhotoBytes)
        {
            return Refuse(StatusCodes.Status413PayloadTooLarge, "照片过大 · Photo too large",
                $"Photo '{name}' is {bytes.Length} bytes; at most {options.MaxPhotoBytes} bytes are accepted.");
        }

        var type = FieldRules.SniffType(bytes);
        var declared = Normalise(declaredType);
        if (FieldRules.IsHeif(bytes) || declared is "image/heic" or "image/heif")
        {
            // No HEVC decoder is served for Linux here (SkiaSharp's build has none); the phone can save JPEG instead.
            return Refuse(StatusCodes.Status415UnsupportedMediaType, "不支持 HEIC 照片 · HEIC photos are not accepted",
                $"照片“{name}”是 HEIC 格式。请在 iPhone 的“设置 → 相机 → 格式”中选择“最兼容”后重新拍摄，或选择 JPEG/PNG 照片。"
                + $" Photo '{name}' is HEIC: in the iPhone's Settings → Camera → Formats choose 'Most Compatible' and take it again, or choose a JPEG or PNG.");
        }

        if (type is null || (declared is not null && declared != type))
        {
            return Refuse(StatusCodes.Status415UnsupportedMediaType, "照片格式不支持 · Unsupported photo type",
                $"Photo '{name}' must be a JPEG or PNG image{(declared is null ? string.Empty : $" (it was sent as {declared})")}.");
        }

        var (location, takenAt) = ReadExif(bytes);
        var image = Reencode(bytes, type);
        if (image is null)
        {
            return Refuse(StatusCodes.Status415UnsupportedMediaType, "照片无法读取 · Unreadable photo",
                $"Photo '{name}' could not be decoded as an image of at most {MaxPixels / 1_000_000} megapixels.");
        }

        return (new FieldPhotoUpload(type, image, Convert.ToHexStringLower(SHA256.HashData(bytes)), location, takenAt), null);
    }

    /// <summary>Where and when the photo's EXIF says it was taken (GPS is WGS-84 by the EXIF standard); nulls when it says nothing usable.</summary>
    public static (GeoPoint? Location, DateTimeOffset? TakenAt) ReadExif(byte[] bytes)
    {
        IReadOnlyList<MetadataExtractor.Directory> directories;
        try
        {
            directories = ImageMetadataReader.ReadMetadata(new MemoryStream(bytes, writable: false));
        }
        catch (Exception ex) when (ex is ImageProcessingException or IOException or ArgumentException or IndexOutOfRangeException)
        {
            return (null, null);
        }

        GeoPoint? location = null;
        if (directories.OfType<GpsDirectory>().FirstOrDefault()?.GetGeoLocation() is { IsZero: false } geo
            && Math.Abs(geo.Latitude) <= 90 && Math.Abs(geo.Longitude) <= 180)
        {
            location = new GeoPoint(geo.Longitude, geo.Latitude);
        }

        DateTimeOffset? takenAt = null;
        var exif = directories.OfType<ExifSubIfdDirectory>().FirstOrDefault();
        if (exif?.GetDescription(ExifDirectoryBase.TagDateTimeOriginal) is { } text
            && DateTime.TryParseExact(text, "yyyy:MM:dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            // EXIF's time has no zone unless the camera wrote OffsetTimeOriginal; a Putuo crew's phone keeps Shanghai time.
            var offset = exif.GetDescription(ExifDirectoryBase.TagTimeZoneOriginal) is { } o
                && TimeSpan.TryParseExact(o.TrimStart('+'), @"hh\:mm", CultureInfo.InvariantCulture, out var parsed)
                    ? (o.StartsWith('-') ? -parsed : parsed)
                    : ShanghaiOffset;
            takenAt = new DateTimeOffset(local, offset).ToUniversalTime();
        }

        return (location, takenAt);
    }

    private byte[]? Reencode(byte[] bytes, string type)
    {
        using var codec = SKCodec.Create(new SKMemoryStream(bytes));
        if (codec is null || (long)codec.Info.Width * codec.Info.Height is 0 or > MaxPixels)
        {
            return null;
        }

        var longer = Math.Max(codec.Info.Width, codec.Info.Height);
        var scale = Math.Min(1f, options.MaxPhotoEdgePixels / (float)longer);
        var decodedSize = codec.GetScaledDimensions(scale);
        using var decoded = SKBitmap.Decode(codec, new SKImageInfo(decodedSize.Width, decodedSize.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        if (decoded is null)
        {
            return null;
        }

        var fit = Math.Min(1f, options.MaxPhotoEdgePixels / (float)Math.Max(decoded.Width, decoded.Height));
        var width = Math.Max(1, (int)Math.Round(decoded.Width * fit));
        var height = Math.Max(1, (int)Math.Round(decoded.Height * fit));
        using var upright = Upright(decoded, codec.EncodedOrigin, width, height);
        using var image = SKImage.FromBitmap(upright);
        using var data = type == FieldRules.Png ? image.Encode(SKEncodedImageFormat.Png, 100) : image.Encode(SKEncodedImageFormat.Jpeg, JpegQuality);
        return data?.ToArray();
    }

    /// <summary>The bitmap drawn at <paramref name="width"/>×<paramref name="height"/> and turned as its EXIF orientation says.</summary>
    private static SKBitmap Upright(SKBitmap source, SKEncodedOrigin origin, int width, int height)
    {
        var turned = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var result = new SKBitmap(turned ? height : width, turned ? width : height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var canvas = new SKCanvas(result);
        canvas.Clear(SKColors.White);
        var (w, h) = (result.Width, result.Height);
        var matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, w, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, w, -1, 0, h, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, h, 0, 0, 1),
            _ => SKMatrix.Identity,
        };
        canvas.SetMatrix(matrix);
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, new SKRect(0, 0, width, height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        return result;
    }

    private static string? Normalise(string? contentType)
    {
        var media = contentType?.Split(';', 2)[0].Trim().ToLowerInvariant();
        return media switch
        {
            null or "" or "application/octet-stream" => null,
            "image/jpg" or "image/pjpeg" => FieldRules.Jpeg,
            _ => media,
        };
    }

    private static (FieldPhotoUpload?, PhotoRefusal?) Refuse(int status, string title, string detail) => (null, new PhotoRefusal(status, title, detail));
}
