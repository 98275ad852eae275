using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Twin.Data.Nodes;

/// <summary>The one row holding the current writer's epoch (<see cref="WriterFence"/>).</summary>
public sealed class WriterFenceRow
{
    public int Id { get; set; }

    public long Epoch { get; set; }
}

internal sealed class WriterFenceRowConfiguration : IEntityTypeConfiguration<WriterFenceRow>
{
    public void Configure(EntityTypeBuilder<WriterFenceRow> builder)
    {
        builder.ToTable("writer_fence");
        builder.HasKey(r => r.Id).HasName("pk_writer_fence");
        builder.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(r => r.Epoch).HasColumnName("epoch");
    }
}
