using System.Globalization;
using CommandCenter.Drones;
using Microsoft.Extensions.Options;
using SkiaSharp;
using Twin.Domain.Alarms;
using Twin.Domain.Cameras;
using Twin.Domain.Time;

namespace CommandCenter.Alarms;

/// <summary>
/// Draws a simulated AI camera's frame of a detection: a residential façade seen from across the
/// street (its windows laid out from the camera's id, so each camera keeps its view), the falling
/// object's track, the red detection box round it, and the overlay a video platform burns in —
/// camera, algorithm, confidence and Shanghai time. No people are drawn: a real snapshot may show
/// them, and is treated as if it did (README "Personal data"). Thread-safe: every call draws on
/// its own surface.
/// </summary>
public sealed class CameraSnapshotRenderer : ISnapshotCamera, IDisposable
{
    public const int Width = 480;
    public const int Height = 270;

    private readonly SKTypeface _typeface;
    private readonly bool _chinese;
    private readonly int _quality;

    public CameraSnapshotRenderer(IOptions<DroneOptions> options)
    {
        (_typeface, _chinese) = FrameRenderer.LoadTypeface(options.Value.FontFiles);
        _quality = options.Value.JpegQuality;
    }

    /// <summary>The detection box in frame pixels, drawn where <see cref="Capture"/> puts it for this event.</summary>
    public static SKRectI DetectionBox(AiVideoEvent detection)
    {
        var h = Mix(detection.CameraId, detection.DetectedAt.UtcTicks);
        var x = 150 + (int)(h % 200);
        var y = 60 + (int)(h / 200 % 120);
        return new SKRectI(x, y, x + 36, y + 36);
    }

    public byte[] Capture(Camera camera, AiVideoEvent detection)
    {
        var info = new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        DrawFacade(canvas, Mix(camera.Id, 0));

        var box = DetectionBox(detection);
        using (var track = new SKPaint { Color = new SKColor(255, 255, 255, 150), IsAntialias = true })
        {
            // The object's last frames above the box: what the algorithm followed down the façade.
            for (var i = 1; i <= 4; i++)
            {
                canvas.DrawCircle(box.MidX - (i * 2), box.MidY - (i * 16), 4 - (i * 0.6f), track);
            }
        }

        using (var thing = new SKPaint { Color = new SKColor(235, 225, 200), IsAntialias = true })
        {
            canvas.DrawCircle(box.MidX, box.MidY, 6, thing);
        }

        using (var frame = new SKPaint { Color = SKColors.Red, Style = SKPaintStyle.Stroke, StrokeWidth = 2 })
        {
            canvas.DrawRect(box, frame);
        }

        using var font = new SKFont(_typeface, 13);
        using var text = new SKPaint { Color = SKColors.White, IsAntialias = true };
        using var shade = new SKPaint { Color = new SKColor(0, 0, 0, 150) };
        var confidence = 0.80 + (Mix(detection.CameraId, detection.DetectedAt.UtcTicks) % 19 / 100.0);
        var label = string.Create(CultureInfo.InvariantCulture, $"{(_chinese ? "高空抛物" : "thrown object")} {confidence:0.00}");
        canvas.DrawRect(box.Left, box.Top - 18, font.MeasureText(label) + 8, 18, shade);
        canvas.DrawText(label, box.Left + 4, box.Top - 5, SKTextAlign.Left, font, text);

        var local = ShanghaiClock.ToLocal(detection.DetectedAt).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        canvas.DrawRect(0, Height - 22, Width, 22, shade);
        canvas.DrawText($"{camera.Id} · {detection.Kind} · {local}", 6, Height - 7, SKTextAlign.Left, font, text);

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, _quality);
        return data.ToArray();
    }

    public void Dispose() => _typeface.Dispose();

    private static void DrawFacade(SKCanvas canvas, ulong seed)
    {
        canvas.Clear(new SKColor(120, 140, 165));
        using var wall = new SKPaint { Color = new SKColor((byte)(170 + (seed % 40)), (byte)(160 + (seed / 40 % 30)), 150) };
        canvas.DrawRect(60, 0, Width - 120, Height - 40, wall);
        using var window = new SKPaint();
        for (var row = 0; row < 8; row++)
        {
            for (var column = 0; column < 9; column++)
            {
                var lit = ((seed >> (((row * 9) + column) % 60)) & 1) == 1;
                window.Color = lit ? new SKColor(230, 215, 150) : new SKColor(60, 70, 85);
                canvas.DrawRect(75 + (column * 37), 10 + (row * 27), 22, 16, window);
            }
        }

        using var street = new SKPaint { Color = new SKColor(70, 70, 72) };
        canvas.DrawRect(0, Height - 40, Width, 40, street);
    }

    private static ulong Mix(string text, long salt)
    {
        var h = 1469598103934665603UL ^ (ulong)salt;
        foreach (var c in text)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        h ^= h >> 29;
        return h;
    }
}
