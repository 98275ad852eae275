using CommandCenter.Localization;
using Microsoft.AspNetCore.Components;
using Twin.Domain.Geography;
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

    [Inject]
    private DistrictMap District { get; set; } = default!;

    private static Lang Lang => Language.Current;

    /// <summary>
    /// The address as filed. A desk case placed only by the map or a 街镇/居委 is filed under the
    /// place's Chinese name — the record, as Open311, search and the other desks read it — which an
    /// English page shows under the 街镇's English name (居委 have Chinese names only).
    /// </summary>
    private string Address
    {
        get
        {
            if (Lang != Lang.En || District.FindSubDistrict(Ticket.SubDistrictCode) is not { } subDistrict)
            {
                return Ticket.Address;
            }

            var suffix = $"（{subDistrict.Name}）";
            return Ticket.Address == subDistrict.Name ? subDistrict.NameEn
                : Ticket.Address.EndsWith(suffix, StringComparison.Ordinal) ? $"{Ticket.Address[..^suffix.Length]} ({subDistrict.NameEn})"
                : Ticket.Address;
        }
    }

    private string Coordinating =>
        Ticket.CoordinatingDepartmentList is { Count: > 0 } list
            ? ConsoleText.CoordinatingWith(string.Join(Language.Name("、", ", "), list.Select(DepartmentName)))
            : string.Empty;

    /// <summary>Masked name and phone; a report without either (an anonymous app report) shows a dash.</summary>
    private string Reporter =>
        string.Join(" · ", new[] { Ticket.ReporterMasked, Ticket.PhoneMasked }.Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } who ? who : "—";
}
