using CommandCenter.Audit;
using Microsoft.AspNetCore.Components;
using Twin.Data.Audit;
using Twin.Domain.Time;

namespace CommandCenter.Components.Admin;

/// <summary>The audit log for the security office: filters, the chain's verification, and CSV export of the same filter.</summary>
public sealed partial class AuditPage
{
    private const int Limit = 500;

    private static readonly System.Globalization.CultureInfo ZhCn = System.Globalization.CultureInfo.GetCultureInfo("zh-CN");

    private IReadOnlyList<AuditRecord> _rows = [];
    private AuditVerification? _verification;
    private DateTime? _from;
    private DateTime? _to;
    private string? _actor;
    private string? _action;
    private string? _outcome;
    private string? _target;

    [Inject]
    private AuditTrail Audit { get; set; } = default!;

    protected override Task OnInitializedAsync() => SearchAsync();

    private AuditQuery Query => new(
        _from is { } f ? StartOfShanghaiDay(f) : null,
        _to is { } t ? StartOfShanghaiDay(t).AddDays(1) : null,
        _actor, _action, _outcome, _target, Limit);

    private string ExportLink
    {
        get
        {
            var q = Query;
            var parts = new List<string>();
            void Add(string key, string? value)
            {
                if (!string.IsNullOrWhiteSpace(value))
                {
                    parts.Add($"{key}={Uri.EscapeDataString(value)}");
                }
            }

            Add("from", q.From?.ToString("O"));
            Add("to", q.To?.ToString("O"));
            Add("actor", q.Actor);
            Add("action", q.ActionPrefix);
            Add("outcome", q.Outcome);
            Add("target", q.Target);
            return "/admin/audit/export.csv" + (parts.Count > 0 ? "?" + string.Join("&", parts) : "");
        }
    }

    private async Task SearchAsync()
    {
        await Audit.FlushAsync();
        _rows = await Audit.Log.QueryAsync(Query);
    }

    private async Task VerifyAsync()
    {
        await Audit.FlushAsync();
        _verification = await Audit.VerifyAsync();
    }

    private static DateTimeOffset StartOfShanghaiDay(DateTime day) =>
        new DateTimeOffset(day.Date, ShanghaiClock.Zone.GetUtcOffset(day.Date)).ToUniversalTime();

    private static string Time(DateTimeOffset at) => AuditDisplay.Time(at);

    private static string? Detail(string? stored) => AuditDisplay.ShanghaiTimes(stored);
}
