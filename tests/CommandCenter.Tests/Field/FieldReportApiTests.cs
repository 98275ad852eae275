using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Field;
using CommandCenter.Security;
using CommandCenter.Tests.Ingestion;
using CommandCenter.Tests.Support;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using SkiaSharp;
using Twin.Domain.Dispatch;
using Twin.Domain.Engine;
using Twin.Domain.Geography;
using Twin.Domain.Tickets;

namespace CommandCenter.Tests.Field;

/// <summary>
/// 一线通达's report endpoint as a phone uses it: the photo's EXIF place is kept in the evidence
/// record and gone from the served bytes; a wrong type or an oversized photo is refused with
/// problem details and nothing is written; the same submission twice stores one report and is
/// answered with the first result.
/// </summary>
public sealed class FieldReportApiTests(IngestionApp app) : IClassFixture<IngestionApp>
{
    private const double Lon = 121.4312345, Lat = 31.2401234;

    private static readonly DateTime TakenLocal = new(2026, 12, 5, 14, 30, 15);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task The_served_photo_has_no_EXIF_while_the_evidence_record_keeps_where_and_when_it_was_taken()
    {
        var ticketId = await AcceptedTicketAsync(0, "creek-debris");
        using var officer = await app.SignInAsync(Roles.Officer);
        var original = ExifJpeg.Create(Lon, Lat, TakenLocal);
        Assert.Contains(ImageMetadataReader.ReadMetadata(new MemoryStream(original)), d => d is GpsDirectory);

        var response = await PostAsync(officer.Client, ticketId, "key-exif-0001", "已清理河面漂浮物", ("photo.jpg", "image/jpeg", original));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var report = (await response.Content.ReadFromJsonAsync<FieldReportAnswer>(Json))!;
        Assert.Equal(nameof(TicketStatus.Review), report.TicketStatus);
        var photo = Assert.Single(report.Photos);
        Assert.Equal(Lon, photo.ExifLon!.Value, 6);
        Assert.Equal(Lat, photo.ExifLat!.Value, 6);
        Assert.Equal(new DateTimeOffset(TakenLocal, TimeSpan.FromHours(8)), photo.TakenAt);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(original)), photo.OriginalSha256);

        var served = await officer.Client.GetByteArrayAsync(photo.Url);
        var metadata = ImageMetadataReader.ReadMetadata(new MemoryStream(served));
        Assert.DoesNotContain(metadata, d => d is GpsDirectory or ExifIfd0Directory or ExifSubIfdDirectory);
        Assert.Equal(-1, served.AsSpan().IndexOf("Exif\0\0"u8));
        Assert.Equal(-1, served.AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes(ExifJpeg.CameraMake)));
        using var bitmap = SKBitmap.Decode(served);
        Assert.Equal((320, 240), (bitmap.Width, bitmap.Height));
        Assert.Equal(photo.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(served)));
    }

    [Fact]
    public async Task The_same_submission_twice_stores_one_report_and_answers_the_first_result()
    {
        var ticketId = await AcceptedTicketAsync(2, "illegal-construction");
        using var officer = await app.SignInAsync(Roles.Officer);
        var photo = ExifJpeg.Create(Lon, Lat, TakenLocal);
        var reports = app.Count("field_reports");

        var first = await PostAsync(officer.Client, ticketId, "key-twice-0001", "已处置", ("a.jpg", "image/jpeg", photo));
        var again = await PostAsync(officer.Client, ticketId, "key-twice-0001", "已处置", ("a.jpg", "image/jpeg", photo));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues(FieldEndpoints.ReplayedHeader).Single());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(reports + 1, app.Count("field_reports"));
        Assert.Single(await app.Runtime.Queries.GetFieldReportsAsync(ticketId));
        Assert.Single(await app.Runtime.Queries.GetTicketHistoryAsync(ticketId), h => h.To == TicketStatus.Review);

        var other = await PostAsync(officer.Client, ticketId, "key-twice-0001", "另一份说明", ("a.jpg", "image/jpeg", photo));
        await AssertProblemAsync(other, HttpStatusCode.Conflict, "key-twice-0001");
    }

    [Fact]
    public async Task A_wrong_type_or_an_oversized_photo_is_refused_with_problem_details_and_nothing_is_written()
    {
        var ticketId = await AcceptedTicketAsync(4, "secondary-water");
        using var officer = await app.SignInAsync(Roles.Officer);
        var (reports, photos) = (app.Count("field_reports"), app.Count("field_photos"));
        byte[] gif = [.. "GIF89a"u8, 1, 0, 1, 0, 0, 0, 0];
        var jpeg = ExifJpeg.Create(Lon, Lat, TakenLocal);
        var oversized = new byte[new FieldOptions().MaxPhotoBytes + 1];
        jpeg.CopyTo(oversized, 0);

        await AssertProblemAsync(await PostAsync(officer.Client, ticketId, "key-bad-0001", "已处置", ("a.gif", "image/gif", gif)),
            HttpStatusCode.UnsupportedMediaType, "JPEG or PNG");
        await AssertProblemAsync(await PostAsync(officer.Client, ticketId, "key-bad-0002", "已处置", ("fake.jpg", "image/jpeg", gif)),
            HttpStatusCode.UnsupportedMediaType, "JPEG or PNG");
        await AssertProblemAsync(await PostAsync(officer.Client, ticketId, "key-bad-0003", "已处置", ("a.png", "image/png", jpeg)),
            HttpStatusCode.UnsupportedMediaType, "sent as image/png");
        await AssertProblemAsync(await PostAsync(officer.Client, ticketId, "key-bad-0004", "已处置", ("big.jpg", "image/jpeg", oversized)),
            HttpStatusCode.RequestEntityTooLarge, "at most");
        await AssertProblemAsync(await PostAsync(officer.Client, ticketId, null, "已处置", ("a.jpg", "image/jpeg", jpeg)),
            HttpStatusCode.BadRequest, "Idempotency-Key");

        Assert.Equal((reports, photos), (app.Count("field_reports"), app.Count("field_photos")));
        Assert.Equal(TicketStatus.Handling, (await app.Runtime.Queries.FindTicketAsync(ticketId))!.Status);
    }

    [Fact]
    public async Task A_PNG_without_EXIF_is_accepted_with_the_server_time_and_no_place()
    {
        var ticketId = await AcceptedTicketAsync(7, "road-damage");
        using var officer = await app.SignInAsync(Roles.Officer);
        var png = PlainPng.Create(640, 480);
        Assert.DoesNotContain(ImageMetadataReader.ReadMetadata(new MemoryStream(png)), d => d is GpsDirectory or ExifSubIfdDirectory);

        var before = app.Runtime.Clock.GetUtcNow();
        var response = await PostAsync(officer.Client, ticketId, "key-png-0001", "已修补路面坑洞", ("screen.png", "image/png", png));
        var after = app.Runtime.Clock.GetUtcNow();

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var report = (await response.Content.ReadFromJsonAsync<FieldReportAnswer>(Json))!;
        Assert.InRange(report.At, before, after);
        var photo = Assert.Single(report.Photos);
        Assert.Equal("image/png", photo.ContentType);
        Assert.Null(photo.ExifLon);
        Assert.Null(photo.ExifLat);
        Assert.Null(photo.TakenAt);
        var served = await officer.Client.GetAsync(photo.Url);
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        using var bitmap = SKBitmap.Decode(await served.Content.ReadAsByteArrayAsync());
        Assert.Equal((640, 480), (bitmap.Width, bitmap.Height));
    }

    [Fact]
    public async Task An_iPhone_HEIC_photo_is_refused_with_how_to_take_a_compatible_one()
    {
        var ticketId = await AcceptedTicketAsync(8, "street-light");
        using var officer = await app.SignInAsync(Roles.Officer);
        var (reports, photos) = (app.Count("field_reports"), app.Count("field_photos"));
        // The start of an iPhone photo: an ISO-BMFF 'ftyp' box with the 'heic' brand.
        byte[] heic = [0, 0, 0, 0x18, .. "ftypheic"u8, 0, 0, 0, 0, .. "mif1heic"u8, .. new byte[64]];

        foreach (var (name, type) in new[] { ("IMG_0001.HEIC", "image/heic"), ("IMG_0001.jpg", "application/octet-stream") })
        {
            var response = await PostAsync(officer.Client, ticketId, $"key-heic-{type.Length:D4}", "已处置", (name, type, heic));
            await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "最兼容");
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Contains("HEIC", body.GetProperty("title").GetString());
            Assert.Contains("Most Compatible", body.GetProperty("detail").GetString());
        }

        Assert.Equal((reports, photos), (app.Count("field_reports"), app.Count("field_photos")));
        Assert.Equal(TicketStatus.Handling, (await app.Runtime.Queries.FindTicketAsync(ticketId))!.Status);
    }

    [Theory]
    [InlineData("", "接单后、处置中才能提交处置反馈；该工单当前为")]
    [InlineData("?lang=en", "A handling report is submitted while the case is being handled, after accepting it; it is ")]
    public async Task A_report_on_a_case_no_longer_being_handled_is_refused_in_the_crews_language(string lang, string expected)
    {
        var ticketId = await AcceptedTicketAsync(lang.Length == 0 ? 3 : 5, "street-vending");
        using var officer = await app.SignInAsync(Roles.Officer);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(officer.Client, ticketId, "key-late-" + ticketId, "已处置")).StatusCode);

        // Submitted for 审核 already: another crew member's report (another key) comes too late.
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{FieldEndpoints.Prefix}/tickets/{ticketId}/reports{lang}")
        {
            Content = new MultipartFormDataContent { { new StringContent("我也处置了"), "note" } },
        };
        request.Headers.Add(FieldEndpoints.KeyHeader, "key-late2-" + ticketId);
        var late = await officer.Client.SendAsync(request);

        await AssertProblemAsync(late, HttpStatusCode.Conflict, expected);
    }

    [Fact]
    public async Task A_leader_may_not_post_a_field_report()
    {
        var ticketId = await AcceptedTicketAsync(6, "waterlogging");
        using var leader = await app.SignInAsync(Roles.Leader);

        var response = await PostAsync(leader.Client, ticketId, "key-leader-0001", "已处置", ("a.jpg", "image/jpeg", ExifJpeg.Create(Lon, Lat, TakenLocal)));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await app.Runtime.Queries.GetFieldReportsAsync(ticketId));
    }

    /// <summary>
    /// A case being handled, each test's in its own 街镇 and category, so the duplicate rules never
    /// merge one test's case into another's.
    /// </summary>
    private async Task<string> AcceptedTicketAsync(int place, string category)
    {
        var twin = app.Runtime;
        await twin.Ready;
        var id = $"T-FIELD-{Guid.NewGuid():N}"[..20];
        var at = twin.District.SubDistricts[place].Boundary.InteriorPoint;
        var department = twin.Catalogue.Find(category)!.Department;
        var reported = await twin.Commands.SubmitAsync(new ReportTicketCommand(new TicketReport(
            id, TicketChannel.GridPatrol, category, $"现场测试{id}", $"网格巡查发现{Guid.NewGuid():N}", new GeoPoint(at.X, at.Y),
            "测试地址", null, new Reporter(null, null), twin.Clock.GetUtcNow())));
        Assert.True(reported.Accepted, reported.Reason);
        foreach (var step in new DispatchCommand[]
                 {
                     new FileTicketCommand(id, "值班员"), new DispatchTicketCommand(id, "值班员", department), new AcceptDispatchCommand(id, department),
                 })
        {
            var outcome = await twin.Commands.SubmitAsync(step);
            Assert.True(outcome.Accepted, outcome.Reason);
        }

        return id;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string ticketId, string? key, string note, params (string Name, string Type, byte[] Bytes)[] photos)
    {
        using var form = new MultipartFormDataContent { { new StringContent(note), "note" } };
        foreach (var (name, type, bytes) in photos)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue(type);
            form.Add(file, "photos", name);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, $"{FieldEndpoints.Prefix}/tickets/{ticketId}/reports") { Content = form };
        if (key is not null)
        {
            request.Headers.Add(FieldEndpoints.KeyHeader, key);
        }

        return await client.SendAsync(request);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detail)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString());
    }
}
