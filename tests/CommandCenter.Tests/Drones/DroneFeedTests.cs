using System.Net;
using System.Text;
using CommandCenter.Drones;
using CommandCenter.Localization;
using CommandCenter.Security;
using CommandCenter.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Tests.Drones;

/// <summary>The simulated fleet's MJPEG feeds on the real app with the simulator at 60×.</summary>
public sealed class DroneFeedTests : IAsyncLifetime
{
    private readonly TwinAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_feed_streams_valid_jpeg_frames_that_change_as_the_drone_flies_and_stops_rendering_when_nobody_watches()
    {
        using var wall = await _app.SignInAsync(Roles.Wall);
        var client = wall.Client;
        var droneId = await FlyingDroneAsync();
        var feeds = _app.Services.GetRequiredService<DroneFeeds>();
        Assert.Empty(feeds.Rendering);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/drones/{droneId}/feed.mjpg");
        using (var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("multipart/x-mixed-replace", response.Content.Headers.ContentType?.MediaType);
            var boundary = response.Content.Headers.ContentType!.Parameters.Single(p => p.Name == "boundary").Value!;
            await using var stream = await response.Content.ReadAsStreamAsync();
            var reader = new MultipartFrames(stream, boundary);

            var first = await reader.NextAsync();
            Assert.Contains(droneId, feeds.Rendering);
            var a = JpegAssert.Valid(first, 640, 360);

            // At 60× a real second is a minute of flight: the frames that follow show the ground moving under the drone.
            await Eventually.Until(async () => JpegAssert.ChangedShare(a, JpegAssert.Valid(await reader.NextAsync(), 640, 360)) > 0.05,
                "more than 5 % of the picture changed", TimeSpan.FromSeconds(30));
        }

        await Eventually.Until(() => feeds.Rendering.Count == 0, "the feed stops with its last watcher", TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_frame_burns_in_the_pages_language_and_an_english_page_asks_for_it()
    {
        var feed = _app.Services.GetRequiredService<CommandCenter.Live.WallFeed>();
        var snapshot = await Eventually.Value(() => feed.Current is { Drones.Length: > 0 } s ? s : null, "the fleet is up");
        var renderer = _app.Services.GetRequiredService<FrameRenderer>();
        Assert.True(renderer.HasChinese, "no Chinese font here: every frame falls back to English");
        var lost = snapshot.Drones[0] with { Status = Twin.Domain.Drones.DroneStatus.LinkLost };
        var at = snapshot.At;

        var chinese = renderer.Render(lost, snapshot, at, Lang.Zh);
        var english = renderer.Render(lost, snapshot, at, Lang.En);

        Assert.Equal(chinese, renderer.Render(lost, snapshot, at, Lang.Zh));
        Assert.True(JpegAssert.ChangedShare(JpegAssert.Valid(chinese, 640, 360), JpegAssert.Valid(english, 640, 360)) > 0.005,
            "the English frame shows the same words as the Chinese one (图传信号丢失, 北京时间, 高度 …)");
        Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", FrameText.LinkLost(Lang.En) + FrameText.TimeZone(Lang.En) + FrameText.Figures(lost, Lang.En));
        Assert.EndsWith("/feed.mjpg?lang=en", DroneFeatures.FeedUrl(lost, Lang.En), StringComparison.Ordinal);

        // The endpoint draws in the language the page asks for, whatever the cookie remembers.
        using var wall = await _app.SignInAsync(Roles.Wall);
        var asked = await wall.Client.GetAsync($"/api/drones/{lost.Id}/frame.jpg?lang=en");
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        JpegAssert.Valid(await asked.Content.ReadAsByteArrayAsync(), 640, 360);
    }

    [Fact]
    public async Task An_unknown_drone_has_no_feed()
    {
        using var wall = await _app.SignInAsync(Roles.Wall);
        var response = await wall.Client.GetAsync("/api/drones/D-NOPE/feed.mjpg");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<string> FlyingDroneAsync()
    {
        var fleet = _app.Services.GetRequiredService<DroneBroadcaster>();
        var flying = await Eventually.Value(
            () => fleet.Current(Twin.Domain.Organisations.AccessScope.CentreOfficer).Drones.Features.FirstOrDefault(f => (string?)f.Properties["status"] == "airborne" && (double?)f.Properties["speed"] > 0),
            "a simulated drone takes off");
        return flying.Id;
    }

    /// <summary>Reads the parts of a multipart/x-mixed-replace stream: headers, then Content-Length bytes.</summary>
    private sealed class MultipartFrames(Stream stream, string boundary)
    {
        public async Task<byte[]> NextAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            string line;
            do
            {
                line = await ReadLineAsync(timeout.Token);
            }
            while (line != "--" + boundary);

            var length = -1;
            while ((line = await ReadLineAsync(timeout.Token)).Length > 0)
            {
                if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                {
                    length = int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
                }
                else
                {
                    Assert.True(line.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase), $"unexpected part header '{line}'");
                    Assert.Contains("image/jpeg", line);
                }
            }

            Assert.True(length > 0, "a part without Content-Length");
            var frame = new byte[length];
            await stream.ReadExactlyAsync(frame, timeout.Token);
            return frame;
        }

        private async Task<string> ReadLineAsync(CancellationToken ct)
        {
            var line = new StringBuilder();
            var one = new byte[1];
            while (true)
            {
                await stream.ReadExactlyAsync(one, ct);
                if (one[0] == '\n')
                {
                    return line.ToString().TrimEnd('\r');
                }

                line.Append((char)one[0]);
            }
        }
    }
}
