using System.Globalization;
using CommandCenter.Localization;
using Microsoft.Extensions.Options;
using NetTopologySuite.Geometries;
using SkiaSharp;
using Twin.Domain.Drones;
using Twin.Domain.Engine;
using Twin.Domain.Geography;
using Twin.Domain.Sensors;
using Twin.Domain.Tickets;
using Twin.Domain.Time;

namespace CommandCenter.Drones;

/// <summary>
/// Draws a simulated drone camera frame: the twin seen from above round the drone — district
/// outline, 街镇 borders, the creek and its corridor, ground texture, and the open tickets,
/// sensors and alarms nearby — with an overlay of Shanghai time, altitude, heading and
/// coordinates. The district's shapes are projected to metres once; a frame only moves the view.
/// Thread-safe: every call draws on its own surface.
/// </summary>
public sealed class FrameRenderer : IDisposable
{
    private const double CellMetres = 45;

    private readonly DistrictMap _district;
    private readonly DroneOptions _options;
    private readonly SKPath _outline;
    private readonly SKPath _subDistricts;
    private readonly SKPath _creek;
    private readonly SKPath _corridor;
    private readonly SKTypeface _typeface;

    public FrameRenderer(DistrictMap district, IOptions<DroneOptions> options)
        : this(district, options.Value)
    {
    }

    public FrameRenderer(DistrictMap district, DroneOptions options)
    {
        _district = district;
        _options = options;
        var projection = district.Projection;
        _outline = ToPath(projection.Forward(district.Outline));
        using (var borders = new SKPathBuilder())
        {
            foreach (var sub in district.SubDistricts)
            {
                AddGeometry(borders, projection.Forward(sub.Boundary));
            }

            _subDistricts = borders.Detach();
        }

        _creek = ToPath(projection.Forward(district.Creek));
        _corridor = ToPath(projection.Forward(district.Corridor));
        (_typeface, HasChinese) = LoadTypeface(options.FontFiles);
    }

    /// <summary>Whether the overlay font has Chinese glyphs (labels fall back to English without).</summary>
    public bool HasChinese { get; }

    public int Width => _options.FeedWidth;

    public int Height => _options.FeedHeight;

    /// <summary>One frame, its overlay in <paramref name="lang"/> (English whatever is asked when the font has no Chinese).</summary>
    public byte[] Render(DroneState drone, TwinSnapshot snapshot, DateTimeOffset now, Lang lang)
    {
        var info = new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        var centre = _district.Projection.Forward(drone.Position.Lon, drone.Position.Lat);

        // Lower flights see less ground: the view narrows with altitude, as a fixed lens would.
        var halfWidth = _options.FeedHalfWidthMetres * Math.Clamp(drone.AltitudeMetres / 80, 0.45, 1.4);
        var scale = (float)(Width / 2.0 / halfWidth);
        DrawGround(canvas, centre, halfWidth, scale);

        canvas.Save();
        canvas.Translate(Width / 2f, Height / 2f);
        canvas.Scale(scale, -scale);
        canvas.Translate((float)-centre.X, (float)-centre.Y);
        using (var corridor = Fill(new SKColor(70, 150, 210, 40)))
        {
            canvas.DrawPath(_corridor, corridor);
        }

        using (var creek = Stroke(new SKColor(40, 120, 200), 38f))
        {
            canvas.DrawPath(_creek, creek);
        }

        using (var bank = Stroke(new SKColor(150, 200, 240, 160), 2.5f / scale))
        {
            canvas.DrawPath(_creek, bank);
        }

        using (var subs = Stroke(new SKColor(120, 170, 210, 150), 2f / scale, dashed: 10f / scale))
        {
            canvas.DrawPath(_subDistricts, subs);
        }

        using (var outline = Stroke(new SKColor(110, 220, 255), 4f / scale))
        {
            canvas.DrawPath(_outline, outline);
        }

        canvas.Restore();
        var range = halfWidth * 1.2;
        DrawThingsNearby(canvas, snapshot, centre, range, scale);
        DrawReticle(canvas, drone);
        DrawOverlay(canvas, drone, now, HasChinese ? lang : Lang.En);

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, _options.JpegQuality);
        return data.ToArray();
    }

    public void Dispose()
    {
        _outline.Dispose();
        _subDistricts.Dispose();
        _creek.Dispose();
        _corridor.Dispose();
        _typeface.Dispose();
    }

    /// <summary>Roofs and yards: a fixed pattern tied to the ground, so the picture moves as the drone does.</summary>
    private void DrawGround(SKCanvas canvas, Coordinate centre, double halfWidth, float scale)
    {
        canvas.Clear(new SKColor(28, 36, 34));
        var halfHeight = halfWidth * Height / Width;
        var x0 = Math.Floor((centre.X - halfWidth) / CellMetres);
        var x1 = Math.Ceiling((centre.X + halfWidth) / CellMetres);
        var y0 = Math.Floor((centre.Y - halfHeight) / CellMetres);
        var y1 = Math.Ceiling((centre.Y + halfHeight) / CellMetres);
        using var paint = new SKPaint { IsAntialias = false, Style = SKPaintStyle.Fill };
        for (var cx = x0; cx <= x1; cx++)
        {
            for (var cy = y0; cy <= y1; cy++)
            {
                var h = Hash((long)cx, (long)cy);
                var shade = (byte)(34 + h % 26);
                paint.Color = (h >> 8) % 5 == 0 ? new SKColor((byte)(shade - 6), (byte)(shade + 14), (byte)(shade - 4)) : new SKColor(shade, shade, (byte)(shade + 4));
                var inset = 4 + (h >> 12) % 9;
                var left = (float)(Width / 2.0 + (cx * CellMetres + inset - centre.X) * scale);
                var top = (float)(Height / 2.0 - ((cy + 1) * CellMetres - inset - centre.Y) * scale);
                var size = (float)((CellMetres - 2 * inset) * scale);
                canvas.DrawRect(left, top, size, size, paint);
            }
        }
    }

    private void DrawThingsNearby(SKCanvas canvas, TwinSnapshot snapshot, Coordinate centre, double range, float scale)
    {
        SKPoint? Screen(GeoPoint p)
        {
            var m = _district.Projection.Forward(p.Lon, p.Lat);
            if (Math.Abs(m.X - centre.X) > range || Math.Abs(m.Y - centre.Y) > range)
            {
                return null;
            }

            return new SKPoint((float)(Width / 2.0 + (m.X - centre.X) * scale), (float)(Height / 2.0 - (m.Y - centre.Y) * scale));
        }

        using var font = new SKFont(_typeface, 12);
        using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
        using var ring = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 2 };
        using var text = new SKPaint { IsAntialias = true, Color = SKColors.White };
        foreach (var sensor in snapshot.Sensors)
        {
            if (Screen(sensor.Definition.Location) is { } at)
            {
                fill.Color = sensor.ValueState switch
                {
                    ValueState.Alarm => new SKColor(255, 59, 59),
                    ValueState.Warning => new SKColor(255, 176, 32),
                    _ => new SKColor(120, 205, 175),
                };
                canvas.DrawCircle(at, 4, fill);
            }
        }

        foreach (var ticket in snapshot.Tickets)
        {
            if (ticket.Status.IsOpen() && Screen(ticket.Location) is { } at)
            {
                fill.Color = new SKColor(255, 225, 77);
                canvas.DrawRect(at.X - 5, at.Y - 5, 10, 10, fill);
                canvas.DrawText(ticket.Id, at.X + 8, at.Y + 4, SKTextAlign.Left, font, text);
            }
        }

        foreach (var alarm in snapshot.ActiveAlarms)
        {
            if (Screen(alarm.Location) is { } at)
            {
                ring.Color = new SKColor(255, 45, 85);
                canvas.DrawCircle(at, 12, ring);
                canvas.DrawCircle(at, 18, ring);
                canvas.DrawText(alarm.Title, at.X + 20, at.Y - 10, SKTextAlign.Left, font, text);
            }
        }
    }

    private void DrawReticle(SKCanvas canvas, DroneState drone)
    {
        var (cx, cy) = (Width / 2f, Height / 2f);
        using var line = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 1.5f, Color = new SKColor(255, 255, 255, 200) };
        canvas.DrawLine(cx - 28, cy, cx - 8, cy, line);
        canvas.DrawLine(cx + 8, cy, cx + 28, cy, line);
        canvas.DrawLine(cx, cy - 28, cx, cy - 8, line);
        canvas.DrawLine(cx, cy + 8, cx, cy + 28, line);

        // The heading tick on a compass ring: north is up in this view.
        var radians = drone.HeadingDegrees * Math.PI / 180;
        var (dx, dy) = ((float)Math.Sin(radians), (float)-Math.Cos(radians));
        line.Color = new SKColor(61, 245, 255);
        line.StrokeWidth = 3;
        canvas.DrawCircle(cx, cy, 44, line);
        canvas.DrawLine(cx + dx * 44, cy + dy * 44, cx + dx * 60, cy + dy * 60, line);
    }

    private void DrawOverlay(SKCanvas canvas, DroneState drone, DateTimeOffset now, Lang lang)
    {
        using var band = new SKPaint { Color = new SKColor(0, 0, 0, 150) };
        canvas.DrawRect(0, 0, Width, 26, band);
        canvas.DrawRect(0, Height - 26, Width, 26, band);
        using var font = new SKFont(_typeface, 15);
        using var white = new SKPaint { IsAntialias = true, Color = SKColors.White };
        using var accent = new SKPaint { IsAntialias = true, Color = new SKColor(61, 245, 255) };
        var local = ShanghaiClock.ToLocal(now);
        canvas.DrawText($"{drone.Id} · {drone.Definition.Model}", 8, 18, SKTextAlign.Left, font, accent);
        canvas.DrawText(
            local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " " + FrameText.TimeZone(lang),
            Width - 8, 18, SKTextAlign.Right, font, white);
        canvas.DrawText(FrameText.Figures(drone, lang), 8, Height - 8, SKTextAlign.Left, font, white);
        var position = string.Create(CultureInfo.InvariantCulture, $"{drone.Position.Lat:0.00000}N {drone.Position.Lon:0.00000}E");
        canvas.DrawText(position, Width - 8, Height - 8, SKTextAlign.Right, font, white);

        if (drone.Status == DroneStatus.LinkLost)
        {
            using var veil = new SKPaint { Color = new SKColor(10, 10, 14, 170) };
            canvas.DrawRect(0, 26, Width, Height - 52, veil);
            using var big = new SKFont(_typeface, 34);
            using var red = new SKPaint { IsAntialias = true, Color = new SKColor(255, 80, 80) };
            canvas.DrawText(FrameText.LinkLost(lang), Width / 2f, Height / 2f + 12, SKTextAlign.Center, big, red);
        }
        else if ((now.ToUnixTimeMilliseconds() / 500) % 2 == 0)
        {
            using var rec = new SKPaint { IsAntialias = true, Color = new SKColor(255, 45, 85) };
            canvas.DrawCircle(Width - 16, 40, 6, rec);
        }
    }

    private static SKPaint Fill(SKColor color) => new() { IsAntialias = true, Style = SKPaintStyle.Fill, Color = color };

    private static SKPaint Stroke(SKColor color, float width, float dashed = 0)
    {
        var paint = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, Color = color, StrokeWidth = width, StrokeJoin = SKStrokeJoin.Round, StrokeCap = SKStrokeCap.Round };
        if (dashed > 0)
        {
            paint.PathEffect = SKPathEffect.CreateDash([dashed, dashed * 0.7f], 0);
        }

        return paint;
    }

    private static SKPath ToPath(Geometry geometry)
    {
        using var builder = new SKPathBuilder();
        AddGeometry(builder, geometry);
        return builder.Detach();
    }

    private static void AddGeometry(SKPathBuilder path, Geometry geometry)
    {
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            var part = geometry.GetGeometryN(i);
            if (part is Polygon polygon)
            {
                AddRing(path, polygon.ExteriorRing.Coordinates, close: true);
                foreach (var hole in polygon.InteriorRings)
                {
                    AddRing(path, hole.Coordinates, close: true);
                }
            }
            else
            {
                AddRing(path, part.Coordinates, close: false);
            }
        }
    }

    private static void AddRing(SKPathBuilder path, Coordinate[] coordinates, bool close)
    {
        if (coordinates.Length == 0)
        {
            return;
        }

        path.MoveTo((float)coordinates[0].X, (float)coordinates[0].Y);
        for (var i = 1; i < coordinates.Length; i++)
        {
            path.LineTo((float)coordinates[i].X, (float)coordinates[i].Y);
        }

        if (close)
        {
            path.Close();
        }
    }

    internal static (SKTypeface Typeface, bool Chinese) LoadTypeface(IEnumerable<string> files)
    {
        foreach (var file in files.Where(File.Exists))
        {
            if (SKTypeface.FromFile(file) is { } typeface)
            {
                using var probe = new SKFont(typeface);
                return (typeface, probe.ContainsGlyph('高'));
            }
        }

        throw new InvalidOperationException(
            "No font for the drone feeds' overlay was found (Twin:Drones:FontFiles); install fonts-dejavu-core or fonts-noto-cjk.");
    }

    private static uint Hash(long x, long y)
    {
        var h = (ulong)(x * 73856093) ^ (ulong)(y * 19349663);
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdUL;
        h ^= h >> 33;
        return (uint)h;
    }
}
