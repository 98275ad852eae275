using System.Globalization;
using CommandCenter.Audit;
using CommandCenter.Localization;
using CommandCenter.Notifications;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using Twin.Data.Boundary;
using Twin.Data.Audit;
using Twin.Domain.Time;

namespace CommandCenter.Components.Admin;

/// <summary>The dead-letter list of webhook notifications, each sent again on an admin's click (audited).</summary>
public sealed partial class NotificationsPage
{
    private IReadOnlyList<DeadLetter> _letters = [];
    private string? _message;
    private bool _failed;
    private bool _busy;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private DeadLetters DeadLetters { get; set; } = default!;

    [Inject]
    private DeadLetterRetries Retries { get; set; } = default!;

    [Inject]
    private AuditTrail Audit { get; set; } = default!;

    [Inject]
    private ITwinOrganisations Organisations { get; set; } = default!;

    [Inject]
    private IOptions<NotificationOptions> Options { get; set; } = default!;

    protected override async Task OnInitializedAsync() => _letters = await DeadLetters.ListAsync();

    private async Task RetryAsync(DeadLetter letter)
    {
        _busy = true;
        try
        {
            var result = await Retries.RetryAsync(letter.Id, CancellationToken.None);
            var admin = (await AuthenticationState).User;
            Audit.Record(admin, AuditActions.NotificationRetried, $"{letter.Webhook}/{letter.Key}",
                result == RetryResult.Delivered ? AuditOutcome.Success : AuditOutcome.Failure, null, AuditOrigin.None);
            (_failed, _message) = (result != RetryResult.Delivered, result switch
            {
                RetryResult.Delivered => NotificationText.Delivered,
                RetryResult.StillFailing => NotificationText.StillFailing,
                _ => NotificationText.NoAnswer,
            });
            _letters = await DeadLetters.ListAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>A stored webhook's organisation by its name, a configured one's label as written.</summary>
    private string? OrganisationName(string? organisation) =>
        Organisations.Find(organisation) is { } o ? Language.Current.Pick(o.NameZh, o.NameEn) : organisation;

    private static string Local(DateTimeOffset at) => ShanghaiClock.ToLocal(at).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
