using System.Security.Cryptography;
using Twin.Domain.Field;
using Twin.Domain.Tickets;

namespace Twin.Domain.Engine;

/// <summary>一线通达: a crew's 处置反馈 with photos, which also submits the ticket for 审核.</summary>
public sealed partial class TwinEngine
{
    public InputResult SubmitFieldReport(SubmitFieldReportCommand command)
    {
        if (!FieldRules.IsValidKey(command.Key))
        {
            return InputResult.Refused("A field report needs a key of 8–64 letters, digits, '-' or '_'.", new(RefusalCode.FieldReportKeyInvalid));
        }

        if (!_tickets.TryGetValue(command.TicketId ?? string.Empty, out var ticket))
        {
            return InputResult.Refused($"Unknown ticket '{command.TicketId}'.", new(RefusalCode.UnknownTicket));
        }

        if (string.IsNullOrWhiteSpace(command.By))
        {
            return InputResult.Refused($"Ticket {ticket.Id}: a field report needs who handled it.", new(RefusalCode.NeedsActor));
        }

        if (ticket.Status != TicketStatus.Handling)
        {
            return InputResult.Refused(
                $"Ticket {ticket.Id}: a field report is submitted while it is being handled (处置), after 接单; it is {ticket.Status} ({ticket.Status.NameZh()}).",
                new(RefusalCode.FieldReportNeedsHandling, ticket.Status.ToString()));
        }

        var note = command.Note?.Trim() ?? string.Empty;
        if (note.Length is 0 or > FieldRules.MaxNoteLength)
        {
            return InputResult.Refused($"Ticket {ticket.Id}: say what was done, in 1–{FieldRules.MaxNoteLength} characters.",
                new(RefusalCode.FieldReportNoteLength, FieldRules.MaxNoteLength.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var uploads = command.Photos ?? [];
        if (uploads.Count > FieldRules.MaxPhotos)
        {
            return InputResult.Refused($"Ticket {ticket.Id}: at most {FieldRules.MaxPhotos} photos a report.",
                new(RefusalCode.TooManyPhotos, FieldRules.MaxPhotos.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        for (var i = 0; i < uploads.Count; i++)
        {
            var photo = uploads[i];
            var image = photo.Image ?? [];
            if (image.Length is 0 or > FieldRules.MaxPhotoBytes || FieldRules.SniffType(image) is not { } type || type != photo.ContentType)
            {
                return InputResult.Refused(
                    $"Ticket {ticket.Id}: photo {i + 1} must be one JPEG or PNG image of at most {FieldRules.MaxPhotoBytes / 1024 / 1024} MB, of the type it claims.",
                    new(RefusalCode.PhotoNotAccepted, (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        var now = Now;
        RollDayIfNeeded(now);
        var by = command.By.Trim();
        var photos = uploads.Select((p, i) => new FieldPhoto(
                FieldRules.PhotoId(command.Key, i), p.ContentType, p.Image, Convert.ToHexStringLower(SHA256.HashData(p.Image)), p.OriginalSha256, p.Location, p.TakenAt))
            .ToList();
        var report = new FieldReport(command.Key, ticket.Id, by, now, FieldRules.StoredNote(note), photos);
        _pendingEvents.Add(new FieldReportSubmitted(NextEventSequence(), now, report));
        var result = Commit(ticket, EnterStep(ticket, TicketStatus.Review, now), by, $"现场处置反馈：{note}（照片{photos.Count}张），提交审核", now);
        ClaimTicket(_tickets[ticket.Id], by, now);
        return result;
    }
}
