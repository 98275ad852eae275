using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Twin.Data.Store;

namespace Twin.Data.Emergency;

internal sealed class StockMovementRowConfiguration : IEntityTypeConfiguration<StockMovementRow>
{
    public void Configure(EntityTypeBuilder<StockMovementRow> builder)
    {
        builder.ToTable("stock_movements");
        builder.HasKey(m => m.Id).HasName("pk_stock_movements");
        builder.Property(m => m.Id).HasColumnName("id").ValueGeneratedOnAdd();
        builder.Property(m => m.DepotId).HasColumnName("depot_id");
        builder.Property(m => m.Item).HasColumnName("item");
        builder.Property(m => m.Kind).HasColumnName("kind").HasConversion<string>();
        builder.Property(m => m.Quantity).HasColumnName("quantity");
        builder.Property(m => m.At).HasColumnName("at").HasConversion(UtcTicks.Converter);
        builder.Property(m => m.Actor).HasColumnName("actor");
        builder.Property(m => m.Note).HasColumnName("note");
        builder.HasIndex(m => m.At).HasDatabaseName("ix_stock_movements_at");
    }
}
