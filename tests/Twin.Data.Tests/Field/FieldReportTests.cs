using Twin.Data.Boundary;
using Twin.Data.Store;
using Twin.Data.Tests.Support;
using Twin.Domain.Dispatch;
using Twin.Domain.Engine;
using Twin.Domain.Field;
using Twin.Domain.Geography;
using Twin.Domain.Organisations;
using Twin.Domain.Tickets;

namespace Twin.Data.Tests.Field;

/// <summary>
/// A crew's field report through the real writer and store: a retried submission is stored once and
/// answered with the first one's result, another body under the same key is a conflict, a report
/// on a ticket not yet accepted is refused with nothing written, and the retention period removes a
/// photo's image but keeps its evidence record.
/// </summary>
public sealed class FieldReportTests : IDisposable
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4, 0xFF, 0xD9];

    private static readonly GeoPoint Where = new(121.4312, 31.2401);

    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task The_same_submission_twice_stores_one_report_and_answers_the_first_result()
    {
        await using var twin = await StartWithAcceptedTicketAsync("T-F1");
        var report = Report("key-0001-aaaa", "T-F1", "已清理占道杂物，现场恢复通行");

        var first = await twin.Pipeline.SubmitAsync(report);
        twin.Clock.Advance(TimeSpan.FromSeconds(30));
        var again = await twin.Pipeline.SubmitAsync(report);

        Assert.Equal(OutcomeKind.Applied, first.Kind);
        Assert.Equal(OutcomeKind.Replayed, again.Kind);
        Assert.Equal("T-F1", again.Id);
        Assert.Empty(again.Changes);
        var stored = Assert.Single(await twin.Store.GetFieldReportsAsync("T-F1"));
        Assert.Equal("key-0001-aaaa", stored.Key);
        var photo = Assert.Single(stored.Photos);
        Assert.Equal(Where, photo.Location);
        Assert.True(photo.Kept);
        var history = await twin.Store.GetTicketHistoryAsync("T-F1");
        Assert.Single(history, h => h.To == TicketStatus.Review);
        Assert.Equal(TicketStatus.Review, (await twin.Store.FindTicketAsync("T-F1"))!.Status);
    }

    [Fact]
    public async Task Two_copies_in_one_batch_store_one_report()
    {
        await using var twin = await StartWithAcceptedTicketAsync("T-F2");
        var report = Report("key-0002-bbbb", "T-F2", "已处置");

        var answers = await Task.WhenAll(twin.Pipeline.SubmitAsync(report).AsTask(), twin.Pipeline.SubmitAsync(report).AsTask());

        Assert.Equal(1, answers.Count(a => a.Kind == OutcomeKind.Applied));
        Assert.Equal(1, answers.Count(a => a.Kind == OutcomeKind.Replayed));
        Assert.Single(await twin.Store.GetFieldReportsAsync("T-F2"));
    }

    [Fact]
    public async Task Another_body_under_a_used_key_is_a_conflict_and_changes_nothing()
    {
        await using var twin = await StartWithAcceptedTicketAsync("T-F3");
        await twin.SubmitOkAsync(Report("key-0003-cccc", "T-F3", "已处置"));

        var other = await twin.Pipeline.SubmitAsync(Report("key-0003-cccc", "T-F3", "另一份说明"));

        Assert.Equal(OutcomeKind.Conflict, other.Kind);
        Assert.Contains("key-0003-cccc", other.Reason);
        Assert.Equal("已处置", Assert.Single(await twin.Store.GetFieldReportsAsync("T-F3")).Note);
    }

    [Fact]
    public async Task A_report_before_the_crew_accepted_the_ticket_is_refused_and_nothing_is_written()
    {
        await using var twin = await PipelineHarness.StartAsync(_db, Scenario.Clock());
        await twin.SubmitOkAsync(new ReportTicketCommand(Scenario.Ticket("T-F4", twin.Clock.GetUtcNow())));
        await twin.SubmitOkAsync(new FileTicketCommand("T-F4", "值班员"));
        await twin.SubmitOkAsync(new DispatchTicketCommand("T-F4", "值班员", "区市容绿化局"));

        var refused = await twin.Pipeline.SubmitAsync(Report("key-0004-dddd", "T-F4", "已处置"));

        Assert.Equal(OutcomeKind.Refused, refused.Kind);
        Assert.Contains("接单", refused.Reason);
        Assert.Empty(await twin.Store.GetFieldReportsAsync("T-F4"));
        Assert.Null(await twin.Store.GetFieldPhotoAsync(FieldRules.PhotoId("key-0004-dddd", 0)));
        Assert.Equal(TicketStatus.Dispatched, (await twin.Store.FindTicketAsync("T-F4"))!.Status);
    }

    [Fact]
    public async Task Retention_removes_a_photos_image_after_its_days_and_keeps_the_evidence_record()
    {
        await using var twin = await StartWithAcceptedTicketAsync("T-F5");
        await twin.SubmitOkAsync(Report("key-0005-eeee", "T-F5", "已处置"));
        var photoId = FieldRules.PhotoId("key-0005-eeee", 0);
        var policy = new RetentionPolicy(TimeSpan.FromDays(7), TimeSpan.FromDays(730), FieldPhotoImages: TimeSpan.FromDays(365));

        var early = await twin.Store.RunLifecycleAsync(twin.Clock.GetUtcNow().AddDays(364), policy);
        Assert.Equal(0, early.FieldPhotoImagesRemoved);
        Assert.Equal(Jpeg, (await twin.Store.GetFieldPhotoAsync(photoId))!.Value.Image);

        var late = await twin.Store.RunLifecycleAsync(twin.Clock.GetUtcNow().AddDays(366), policy);
        Assert.Equal(1, late.FieldPhotoImagesRemoved);
        Assert.Null(await twin.Store.GetFieldPhotoAsync(photoId));
        var record = Assert.Single(Assert.Single(await twin.Store.GetFieldReportsAsync("T-F5")).Photos);
        Assert.False(record.Kept);
        Assert.Equal(Where, record.Location);
        Assert.Equal(Jpeg.Length, record.Bytes);
    }

    [Fact]
    public async Task Only_the_department_the_case_is_dispatched_to_may_report_on_it()
    {
        await using var twin = await StartWithAcceptedTicketAsync("T-F6");
        var water = new AccessScope(new Organisation("dept-water", OrganisationKind.Department, "区水务局", "District Water Authority"), AccessRole.Officer);
        var greening = new AccessScope(new Organisation("dept-greening", OrganisationKind.Department, "区市容绿化局", "Greening Bureau"), AccessRole.Officer);

        var refused = await twin.Pipeline.SubmitAsync(Report("key-0006-ffff", "T-F6", "已处置") with { Scope = water });
        Assert.Equal(OutcomeKind.Refused, refused.Kind);
        Assert.True(refused.Forbidden);
        Assert.Empty(await twin.Store.GetFieldReportsAsync("T-F6"));

        var accepted = await twin.Pipeline.SubmitAsync(Report("key-0006-gggg", "T-F6", "已处置") with { Scope = greening });
        Assert.Equal(OutcomeKind.Applied, accepted.Kind);
    }

    private static SubmitFieldReportCommand Report(string key, string ticketId, string note) =>
        new(key, ticketId, "网格员甲（grid-01）", note, [new FieldPhotoUpload(FieldRules.Jpeg, Jpeg, new string('a', 64), Where, null)]);

    private async Task<PipelineHarness> StartWithAcceptedTicketAsync(string ticketId)
    {
        var twin = await PipelineHarness.StartAsync(_db, Scenario.Clock());
        await twin.SubmitOkAsync(new ReportTicketCommand(Scenario.Ticket(ticketId, twin.Clock.GetUtcNow())));
        await twin.SubmitOkAsync(new FileTicketCommand(ticketId, "值班员"));
        await twin.SubmitOkAsync(new DispatchTicketCommand(ticketId, "值班员", "区市容绿化局"));
        await twin.SubmitOkAsync(new AcceptDispatchCommand(ticketId, "区市容绿化局"));
        return twin;
    }
}
