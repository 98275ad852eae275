using Twin.Domain.Emergency;

namespace Twin.Data.Emergency;

/// <summary>One draw or restock, append-only.</summary>
public sealed class StockMovementRow
{
    public long Id { get; set; }

    public required string DepotId { get; set; }

    public required string Item { get; set; }

    public StockMovementKind Kind { get; set; }

    public int Quantity { get; set; }

    public DateTimeOffset At { get; set; }

    public required string Actor { get; set; }

    public required string Note { get; set; }

    public StockMovement ToMovement() => new(DepotId, Item, Kind, Quantity, At, Actor, Note);
}
