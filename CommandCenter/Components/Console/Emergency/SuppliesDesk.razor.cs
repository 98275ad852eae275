using System.Globalization;
using CommandCenter.Officers;
using Microsoft.AspNetCore.Components;
using Twin.Domain.Emergency;

namespace CommandCenter.Components.Console.Emergency;

/// <summary>
/// 应急物资: the stock of every depot, and for an officer a form to draw supplies out or put them
/// back, with a note; the engine refuses a draw beyond what is there, and the store audits each move.
/// </summary>
public sealed partial class SuppliesDesk
{
    private string? _depot;
    private string? _item;
    private string? _quantity;
    private string? _note;

    [Inject]
    private IEmergencyCommands Commands { get; set; } = default!;

    [Inject]
    private FloodControlAssets FloodControl { get; set; } = default!;

    [Parameter, EditorRequired]
    public IReadOnlyList<StockLevel> Stock { get; set; } = [];

    [Parameter]
    public bool MayWork { get; set; }

    private IReadOnlyList<SupplyDepot> Depots => FloodControl.Depots;

    private IReadOnlyList<string> Items => Stock.Select(s => s.Item).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    private bool Busy { get; set; }

    private string? Refusal { get; set; }

    private int QuantityOf(string depotId, string item) =>
        Stock.FirstOrDefault(s => s.DepotId == depotId && s.Item == item)?.Quantity ?? 0;

    private async Task MoveAsync(StockMovementKind kind)
    {
        Refusal = null;
        if (!int.TryParse(_quantity, NumberStyles.None, CultureInfo.InvariantCulture, out var quantity) || quantity <= 0)
        {
            Refusal = EmergencyText.QuantityMustBePositive;
            return;
        }

        if (string.IsNullOrWhiteSpace(_note))
        {
            Refusal = EmergencyText.NoteRequired;
            return;
        }

        Busy = true;
        try
        {
            var depot = _depot ?? Depots[0].Id;
            var item = _item ?? Items.FirstOrDefault() ?? string.Empty;
            var outcome = await Commands.MoveStockAsync(depot, item, kind, quantity, _note.Trim());
            if (outcome.Accepted)
            {
                _quantity = null;
                _note = null;
            }
            else
            {
                Refusal = RefusalText.Of(outcome, ConsoleText.ActionRefused);
            }
        }
        finally
        {
            Busy = false;
        }
    }
}
