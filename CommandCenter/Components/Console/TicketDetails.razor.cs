using CommandCenter.Localization;
using Microsoft.AspNetCore.Components;
using Twin.Domain.Tickets;

namespace CommandCenter.Components.Console;

/// <summary>A ticket's facts, the reporter masked as the engine holds them.</summary>
public sealed partial class TicketDetails
{
    [Parameter, EditorRequired]
    public TicketState Ticket { get; set; } = default!;

    [Parameter, EditorRequired]
    public Func<string, string> CategoryName { get; set; } = code => code;

    [Parameter, EditorRequired]
    public Func<string, string> DepartmentName { get; set; } = department => department;

    [Parameter, EditorRequired]
    public Func<string, string> SubDistrictName { get; set; } = code => code;

    private static Lang Lang => Language.Current;

    private string Coordinating =>
        Ticket.CoordinatingDepartmentList is { Count: > 0 } list
            ? ConsoleText.CoordinatingWith(string.Join(Language.Name("、", ", "), list.Select(DepartmentName)))
            : string.Empty;

    /// <summary>Masked name and phone; a report without either (an anonymous app report) shows a dash.</summary>
    private string Reporter =>
        string.Join(" · ", new[] { Ticket.ReporterMasked, Ticket.PhoneMasked }.Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } who ? who : "—";
}
