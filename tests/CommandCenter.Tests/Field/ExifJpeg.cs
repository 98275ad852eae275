using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace CommandCenter.Tests.Field;

/// <summary>
/// A phone's photo as it arrives: a real JPEG with an EXIF APP1 segment holding GPS latitude and
/// longitude, the time it was taken and the camera's make, written by hand (little-endian TIFF) so
/// the tests know exactly what the file carries.
/// </summary>
public static class ExifJpeg
{
    public const string CameraMake = "FieldPhoneTestCam";

    public static byte[] Create(double lon, double lat, DateTime takenLocal, int width = 320, int height = 240)
    {
        var jpeg = Plain(width, height);
        var app1 = App1(lon, lat, takenLocal);
        var segment = new byte[4 + app1.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(app1.Length + 2));
        app1.CopyTo(segment, 4);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    /// <summary>A JPEG without metadata: a blue-green gradient with a bright block, so it is not blank.</summary>
    public static byte[] Plain(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var paint = new SKPaint
            {
                Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height), [SKColors.SteelBlue, SKColors.SeaGreen], SKShaderTileMode.Clamp),
            };
            canvas.DrawRect(0, 0, width, height, paint);
            using var block = new SKPaint { Color = SKColors.Orange };
            canvas.DrawRect(width / 4f, height / 4f, width / 3f, height / 3f, block);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }

    private static byte[] App1(double lon, double lat, DateTime takenLocal)
    {
        // Layout: header 8 | IFD0 (3 entries) | Exif IFD (1) | GPS IFD (4) | values.
        const int ifd0 = 8, ifd0Size = 2 + 3 * 12 + 4;
        const int exifIfd = ifd0 + ifd0Size, exifSize = 2 + 1 * 12 + 4;
        const int gpsIfd = exifIfd + exifSize, gpsSize = 2 + 4 * 12 + 4;
        const int make = gpsIfd + gpsSize;
        var makeBytes = Encoding.ASCII.GetBytes(CameraMake + "\0");
        var taken = make + makeBytes.Length;
        var takenBytes = Encoding.ASCII.GetBytes(takenLocal.ToString("yyyy:MM:dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + "\0");
        var latAt = taken + takenBytes.Length;
        var lonAt = latAt + 24;
        var tiff = new byte[lonAt + 24];
        "II*\0"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(4), ifd0);

        var at = Directory(tiff, ifd0, 3);
        at = Entry(tiff, at, 0x010F, 2, (uint)makeBytes.Length, (uint)make);
        at = Entry(tiff, at, 0x8769, 4, 1, exifIfd);
        Entry(tiff, at, 0x8825, 4, 1, gpsIfd);
        at = Directory(tiff, exifIfd, 1);
        Entry(tiff, at, 0x9003, 2, (uint)takenBytes.Length, (uint)taken);
        at = Directory(tiff, gpsIfd, 4);
        at = Entry(tiff, at, 0x0001, 2, 2, BinaryPrimitives.ReadUInt32LittleEndian([(byte)(lat >= 0 ? 'N' : 'S'), 0, 0, 0]));
        at = Entry(tiff, at, 0x0002, 5, 3, (uint)latAt);
        at = Entry(tiff, at, 0x0003, 2, 2, BinaryPrimitives.ReadUInt32LittleEndian([(byte)(lon >= 0 ? 'E' : 'W'), 0, 0, 0]));
        Entry(tiff, at, 0x0004, 5, 3, (uint)lonAt);
        makeBytes.CopyTo(tiff, make);
        takenBytes.CopyTo(tiff, taken);
        Degrees(tiff, latAt, Math.Abs(lat));
        Degrees(tiff, lonAt, Math.Abs(lon));
        return [.. "Exif\0\0"u8, .. tiff];
    }

    private static int Directory(byte[] tiff, int at, ushort entries)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at), entries);
        return at + 2;
    }

    private static int Entry(byte[] tiff, int at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at), tag);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at + 2), type);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at + 4), count);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at + 8), value);
        return at + 12;
    }

    /// <summary>Degrees, minutes and seconds as three rationals (seconds in ten-thousandths).</summary>
    private static void Degrees(byte[] tiff, int at, double value)
    {
        var degrees = Math.Floor(value);
        var minutes = Math.Floor((value - degrees) * 60);
        var seconds = ((value - degrees) * 60 - minutes) * 60;
        uint[] parts = [(uint)degrees, 1, (uint)minutes, 1, (uint)Math.Round(seconds * 10000), 10000];
        for (var i = 0; i < parts.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at + i * 4), parts[i]);
        }
    }
}
