using Microsoft.AspNetCore.Mvc.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bunit;
using CommandCenter.Alarms;
using CommandCenter.Components.Console;
using CommandCenter.Components.Drones;
using CommandCenter.Ingestion.AiVideo;
using CommandCenter.Security;
using CommandCenter.Tests.Drones;
using CommandCenter.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using Twin.Domain.Alarms;
using Twin.Domain.Cameras;
using Twin.Domain.Engine;

namespace CommandCenter.Tests.Ingestion;

/// <summary>
/// Issue 20: an AI video detection comes in with its camera's snapshot, the console shows it on the
/// alarm, and the case filed from the alarm shows it as evidence; an officer reads it;
/// a snapshot that is not a JPEG, or too big, is an RFC 9457 problem.
/// </summary>
public sealed class AiVideoTests(IngestionApp app) : IClassFixture<IngestionApp>
{
    [Fact]
    public async Task A_detections_snapshot_is_shown_on_its_alarm_and_as_evidence_of_the_case_filed_from_it()
    {
        var camera = app.Services.GetRequiredService<IReadOnlyList<Camera>>().First(c => c.Ai);
        var detectedAt = app.Services.GetRequiredService<Twin.Domain.Time.TwinClock>().GetUtcNow().AddSeconds(-30);
        var detection = new AiVideoEvent(camera.Id, "thrown-object", "疑似高空抛物", camera.Location, AlarmSeverity.Major, detectedAt);

        // The simulator's camera draws a real frame: a decodable JPEG with the red detection box where the event put it.
        var jpeg = app.Services.GetRequiredService<CameraSnapshotRenderer>().Capture(camera, detection);
        using (var frame = JpegAssert.Valid(jpeg, CameraSnapshotRenderer.Width, CameraSnapshotRenderer.Height))
        {
            var box = CameraSnapshotRenderer.DetectionBox(detection);
            // JPEG blurs a 2 px line into its neighbours (one run read #ff8c1511 on the edge itself):
            // the reddest pixel across the edge, red well above the other channels, not pure red.
            var edge = Enumerable.Range(box.Left - 2, 5).Select(x => frame.GetPixel(x, box.MidY)).MaxBy(p => p.Red - Math.Max(p.Green, p.Blue));
            Assert.True(edge.Red > 120 && edge.Red > 2 * edge.Green && edge.Red > 2 * edge.Blue, $"the box's left edge is {edge}, not red");
        }

        var response = await app.KeyedClient().PostAsJsonAsync(AiVideoEndpoints.Path, Body(camera.Id, detectedAt, Convert.ToBase64String(jpeg)));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var raised = (await response.Content.ReadFromJsonAsync<AiVideoRaised>())!;
        Assert.Equal(AiVideoEndpoints.SnapshotUrl(raised.Alarm), raised.Snapshot);

        using (var officer = await app.SignInAsync(Roles.Officer))
        {
            Assert.Equal(jpeg, await officer.Client.GetByteArrayAsync(raised.Snapshot));
        }

        // A snapshot may show people: neither the wall nor an anonymous caller gets it.
        using (var wall = await app.SignInAsync(Roles.Wall))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await wall.Client.GetAsync(raised.Snapshot)).StatusCode);
        }

        using (var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(raised.Snapshot)).StatusCode);
        }

        await using var ctx = ConsoleContext.Create(app.Services);
        var console = ctx.Render<ConsolePage>();
        console.WaitForAssertion(() => console.Find($"[data-alarm-snapshot-toggle='{raised.Alarm}']"), TimeSpan.FromSeconds(15));
        Assert.Empty(console.FindAll($"[data-alarm-snapshot='{raised.Alarm}']"));
        console.Find($"[data-alarm-snapshot-toggle='{raised.Alarm}']").Click();
        console.WaitForAssertion(() => Assert.Equal(raised.Snapshot, console.Find($"[data-alarm-snapshot='{raised.Alarm}'] img").GetAttribute("src")), TimeSpan.FromSeconds(15));

        var filed = await app.Runtime.Commands.SubmitAsync(new FileCaseFromAlarmCommand(raised.Alarm, "值班员01"));
        Assert.True(filed.Accepted, filed.Reason);
        var caseId = TwinEngine.CaseIdFor(raised.Alarm);
        var evidenceId = AlarmSnapshots.IdFor(raised.Alarm);
        var evidence = ctx.Render<TicketEvidence>(p => p.Add(x => x.TicketId, caseId));
        evidence.WaitForAssertion(() =>
        {
            var item = Assert.Single(evidence.FindAll("[data-evidence-item]"));
            Assert.Equal(evidenceId, item.GetAttribute("data-evidence-item"));
            Assert.Equal($"/api/evidence/{evidenceId}.jpg", item.QuerySelector("img")!.GetAttribute("src"));
            Assert.Contains(camera.Id, evidence.Find($"[data-evidence-camera='{evidenceId}']").TextContent);
            Assert.Empty(evidence.FindAll("[data-off-station]"));
        }, TimeSpan.FromSeconds(15));

        using var reader = await app.SignInAsync(Roles.Officer);
        Assert.Equal(jpeg, await reader.Client.GetByteArrayAsync($"/api/evidence/{evidenceId}.jpg"));
        using var wallAgain = await app.SignInAsync(Roles.Wall);
        Assert.Equal(HttpStatusCode.Forbidden, (await wallAgain.Client.GetAsync($"/api/evidence/{evidenceId}.jpg")).StatusCode);
    }

    [Theory]
    [InlineData("png", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("too big", HttpStatusCode.RequestEntityTooLarge)]
    [InlineData("not base64", HttpStatusCode.BadRequest)]
    public async Task A_snapshot_that_is_not_a_jpeg_within_the_limit_is_a_problem_and_raises_nothing(string what, HttpStatusCode expected)
    {
        var camera = app.Services.GetRequiredService<IReadOnlyList<Camera>>().First(c => c.Ai);
        byte[] tooBig = [0xFF, 0xD8, .. new byte[AlarmSnapshots.MaxBytes], 0xFF, 0xD9];
        string snapshot = what switch
        {
            "png" => Convert.ToBase64String(PngOf()),
            "too big" => Convert.ToBase64String(tooBig),
            _ => "this is not base64!",
        };
        var before = app.Runtime.Queries.Current.ActiveAlarms.Count();

        var response = await app.KeyedClient().PostAsJsonAsync(AiVideoEndpoints.Path, Body(camera.Id, app.Services.GetRequiredService<Twin.Domain.Time.TwinClock>().GetUtcNow(), snapshot));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)expected, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(before, app.Runtime.Queries.Current.ActiveAlarms.Count());
    }

    private static object Body(string cameraId, DateTimeOffset detectedAt, string snapshot) => new
    {
        cameraId,
        kind = "thrown-object",
        title = "疑似高空抛物",
        severity = "major",
        detectedAt = detectedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        snapshot,
    };

    private static byte[] PngOf()
    {
        using var bitmap = new SKBitmap(8, 8);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
