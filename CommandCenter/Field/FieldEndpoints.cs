using CommandCenter.Audit;
using CommandCenter.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Twin.Data.Audit;
using Twin.Data.Boundary;
using Twin.Domain.Field;

namespace CommandCenter.Field;

/// <summary>
/// 一线通达's HTTP side: a phone posts a field report (note and photos) with an
/// <c>Idempotency-Key</c> it generated once, retries it on a flaky connection, and every copy is
/// answered with the first one's stored report. Photos are served without their metadata. The
/// required custom header is also what keeps another site from posting with a crew's cookie: a
/// browser sends no custom header across origins without a CORS preflight, which nothing here allows.
/// </summary>
public static class FieldEndpoints
{
    public const string Prefix = "/api/field";

    public const string KeyHeader = "Idempotency-Key";

    public const string ReplayedHeader = "Idempotent-Replayed";

    public static IEndpointRouteBuilder MapField(this IEndpointRouteBuilder endpoints)
    {
        var field = endpoints.MapGroup(Prefix).WithTags("Field").RequireAuthorization(Policies.WorkInField);
        field.MapPost("/tickets/{ticketId}/reports", SubmitAsync)
            .WithMetadata(new RequestSizeLimitAttribute(BodyLimit(FieldRules.MaxPhotoBytes)))
            .WithSummary("A field report (处置反馈): note and photos, submitting the ticket for 审核. Needs an Idempotency-Key header; a repeat answers the first result.")
            .Produces<FieldReportAnswer>(201).Produces<FieldReportAnswer>(200)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(413).ProducesProblem(415);
        // Reading is also the console's (a supervisor reviews the photos there), within the account's scope.
        var read = endpoints.MapGroup(Prefix).WithTags("Field").RequireAuthorization(Policies.UseConsole);
        read.MapGet("/reports/{key}", async (HttpContext context, string key, ITwinQueries queries, SignedInScope scopes, CancellationToken ct) =>
                await AnswerAsync(queries, key, ct) is { } answer && await SeesAsync(context, queries, scopes, answer.TicketId, ct)
                    ? Results.Ok(answer)
                    : NotFound($"No field report '{key}'."))
            .WithSummary("A stored field report: its note, and each photo's evidence record (hashes, EXIF place and time).")
            .Produces<FieldReportAnswer>(200).ProducesProblem(404);
        read.MapGet("/photos/{photoId}", async (HttpContext context, string photoId, ITwinQueries queries, SignedInScope scopes, CancellationToken ct) =>
            {
                var key = photoId[..Math.Max(0, photoId.LastIndexOf('-'))];
                if (await queries.GetFieldReportAsync(key, ct) is not { } report || !await SeesAsync(context, queries, scopes, report.TicketId, ct)
                    || await queries.GetFieldPhotoAsync(photoId, ct) is not { } photo)
                {
                    return NotFound($"No field photo '{photoId}' (or its retention period has removed the image).");
                }

                context.Response.Headers.ETag = $"\"{photo.Sha256}\"";
                context.Response.Headers.CacheControl = "private, max-age=86400";
                return Results.File(photo.Image, photo.ContentType);
            })
            .WithSummary("A field photo as served: re-encoded without any metadata (no EXIF, no GPS); its ETag is its SHA-256.")
            .Produces<Stream>(200, FieldRules.Jpeg, FieldRules.Png).ProducesProblem(404);
        return endpoints;
    }

    /// <summary>The most a report's request may weigh: every photo at its limit and the note.</summary>
    private static long BodyLimit(int maxPhotoBytes) => (long)FieldRules.MaxPhotos * maxPhotoBytes + 256 * 1024;

    private static async Task<IResult> SubmitAsync(
        HttpContext context, string ticketId, ITwinCommands commands, ITwinQueries queries, SignedInScope scopes, AuditTrail audit,
        IOptions<FieldOptions> options, [FromServices] RefusalWording words, CancellationToken ct)
    {
        var key = context.Request.Headers[KeyHeader].ToString();
        if (!FieldRules.IsValidKey(key))
        {
            return Problem(400, "缺少幂等键 · Idempotency-Key required",
                $"Send an {KeyHeader} header of 8–64 letters, digits, '-' or '_' (a UUID), the same on every retry of one submission.");
        }

        if (await queries.FindTicketAsync(ticketId, ct) is null)
        {
            return NotFound($"No ticket '{ticketId}'.");
        }

        if (!context.Request.HasFormContentType)
        {
            return Problem(415, "需要表单 · Form required", "Send multipart/form-data with a 'note' and up to six 'photos'.");
        }

        var intake = new FieldPhotoIntake(options.Value);
        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = BodyLimit(options.Value.MaxPhotoBytes) }, ct);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
        {
            return Problem(413, "提交内容过大 · Submission too large",
                $"A report holds at most {FieldRules.MaxPhotos} photos of {options.Value.MaxPhotoBytes} bytes each.");
        }

        var note = form["note"].ToString().Trim();
        if (note.Length is 0 or > FieldRules.MaxNoteLength)
        {
            return Problem(400, "请填写处置情况 · Say what was done", $"The note must hold 1–{FieldRules.MaxNoteLength} characters.");
        }

        if (form.Files.Count > FieldRules.MaxPhotos)
        {
            return Problem(400, "照片过多 · Too many photos", $"At most {FieldRules.MaxPhotos} photos a report.");
        }

        var photos = new List<FieldPhotoUpload>();
        foreach (var file in form.Files)
        {
            if (file.Length > options.Value.MaxPhotoBytes)
            {
                return Problem(413, "照片过大 · Photo too large",
                    $"Photo '{file.FileName}' is {file.Length} bytes; at most {options.Value.MaxPhotoBytes} bytes are accepted.");
            }

            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, ct);
            var (photo, refusal) = intake.Read(buffer.ToArray(), file.ContentType, file.FileName);
            if (refusal is not null)
            {
                return Problem(refusal.Status, refusal.Title, refusal.Detail);
            }

            photos.Add(photo!);
        }

        var by = SignedInOfficer.NameOf(context.User);
        var scope = await scopes.OfAsync(context.User, ct);
        var outcome = await commands.SubmitAsync(new SubmitFieldReportCommand(key, ticketId, by, note, photos) { Scope = scope }, ct);
        if (outcome.Forbidden)
        {
            audit.Record(context.User, AuditActions.Forbidden, ticketId, AuditOutcome.Denied, nameof(SubmitFieldReportCommand), AuditOrigin.Of(context));
            return Problem(403, "无权办理 · Not yours to handle", words(outcome, outcome.Reason!));
        }

        if (outcome.Conflict)
        {
            return Problem(409, "幂等键已用于另一提交 · Key used for another submission", outcome.Reason!);
        }

        if (!outcome.Exists)
        {
            // Worded in the crew's language (the phone's page shows it as the reason its report stays unsent).
            return Problem(409, "无法提交 · Cannot submit", words(outcome, outcome.Reason ?? "The report was refused."));
        }

        var answer = await AnswerAsync(queries, key, ct);
        if (outcome.Replayed)
        {
            context.Response.Headers[ReplayedHeader] = "true";
            return Results.Ok(answer);
        }

        return Results.Created($"{Prefix}/reports/{key}", answer);
    }

    /// <summary>The stored report and its ticket's status now, read from the store: what every copy of a submission is answered.</summary>
    private static async Task<FieldReportAnswer?> AnswerAsync(ITwinQueries queries, string key, CancellationToken ct) =>
        await queries.GetFieldReportAsync(key, ct) is { } report
            ? FieldReportAnswer.Of(report, (await queries.FindTicketAsync(report.TicketId, ct))?.Status)
            : null;

    /// <summary>Whether the signed-in account's scope sees the ticket (a report outside it is answered as unknown).</summary>
    private static async Task<bool> SeesAsync(HttpContext context, ITwinQueries queries, SignedInScope scopes, string ticketId, CancellationToken ct) =>
        await queries.FindTicketAsync(ticketId, ct) is { } ticket && (await scopes.OfAsync(context.User, ct)).Sees(ticket);

    private static IResult NotFound(string detail) => Problem(404, "未找到 · Not found", detail);

    private static IResult Problem(int status, string title, string detail) => Results.Problem(statusCode: status, title: title, detail: detail);
}
