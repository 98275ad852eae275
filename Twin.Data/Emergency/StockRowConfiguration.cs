using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Twin.Data.Emergency;

internal sealed class StockRowConfiguration : IEntityTypeConfiguration<StockRow>
{
    public void Configure(EntityTypeBuilder<StockRow> builder)
    {
        builder.ToTable("supply_stock");
        builder.HasKey(s => new { s.DepotId, s.Item }).HasName("pk_supply_stock");
        builder.Property(s => s.DepotId).HasColumnName("depot_id");
        builder.Property(s => s.Item).HasColumnName("item");
        builder.Property(s => s.Quantity).HasColumnName("quantity");
    }
}
