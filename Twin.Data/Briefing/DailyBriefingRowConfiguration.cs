using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Twin.Data.Store;

namespace Twin.Data.Briefing;

internal sealed class DailyBriefingRowConfiguration : IEntityTypeConfiguration<DailyBriefingRow>
{
    public void Configure(EntityTypeBuilder<DailyBriefingRow> builder)
    {
        builder.ToTable("daily_briefings");
        builder.HasKey(b => b.Day).HasName("pk_daily_briefings");
        builder.Property(b => b.Day).HasColumnName("day");
        builder.Property(b => b.GeneratedAt).HasColumnName("generated_at").HasConversion(UtcTicks.Converter);
        builder.Property(b => b.Content).HasColumnName("content");
        builder.Property(b => b.Sha256).HasColumnName("sha256");
    }
}
