using Twin.Domain.Emergency;

namespace Twin.Data.Emergency;

/// <summary>The live quantity of one item at one depot (a depot's item the store never saw keeps the data file's quantity).</summary>
public sealed class StockRow
{
    public required string DepotId { get; set; }

    public required string Item { get; set; }

    public int Quantity { get; set; }

    public StockLevel ToLevel() => new(DepotId, Item, Quantity);
}
