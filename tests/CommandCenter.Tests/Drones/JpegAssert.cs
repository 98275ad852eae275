using SkiaSharp;

namespace CommandCenter.Tests.Drones;

public static class JpegAssert
{
    /// <summary>A whole JPEG: starts with SOI (FF D8), ends with EOI (FF D9), and decodes at the expected size.</summary>
    public static SKBitmap Valid(byte[] jpeg, int width, int height)
    {
        Assert.True(jpeg.Length > 1000, $"a frame of {jpeg.Length} bytes is too small to show anything");
        Assert.Equal([0xFF, 0xD8], jpeg[..2]);
        Assert.Equal([0xFF, 0xD9], jpeg[^2..]);
        var bitmap = SKBitmap.Decode(jpeg);
        Assert.NotNull(bitmap);
        Assert.Equal(width, bitmap.Width);
        Assert.Equal(height, bitmap.Height);
        return bitmap;
    }

    /// <summary>Share of pixels whose colour differs clearly between two frames of one size.</summary>
    public static double ChangedShare(SKBitmap a, SKBitmap b)
    {
        var changed = 0;
        for (var y = 0; y < a.Height; y += 2)
        {
            for (var x = 0; x < a.Width; x += 2)
            {
                var (p, q) = (a.GetPixel(x, y), b.GetPixel(x, y));
                if (Math.Abs(p.Red - q.Red) + Math.Abs(p.Green - q.Green) + Math.Abs(p.Blue - q.Blue) > 30)
                {
                    changed++;
                }
            }
        }

        return changed / (double)(a.Width * a.Height / 4);
    }
}
