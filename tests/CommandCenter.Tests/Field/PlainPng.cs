using SkiaSharp;

namespace CommandCenter.Tests.Field;

/// <summary>A PNG as a screenshot or a chat app saves it: pixels only, no EXIF (no place, no time taken).</summary>
public static class PlainPng
{
    public static byte[] Create(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(new SKColor(0x30, 0x60, 0x90));
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
