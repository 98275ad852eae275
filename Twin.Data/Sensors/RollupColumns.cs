using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Twin.Data.Store;

namespace Twin.Data.Sensors;

/// <summary>The columns, key and index both rollup tables share.</summary>
internal static class RollupColumns
{
    /// <summary>Keyed by (sensor, period start): a re-run of a period replaces its row, and a sensor's range is one index scan.</summary>
    public static void Configure<T>(EntityTypeBuilder<T> builder, string table) where T : ObservationRollupRow
    {
        builder.ToTable(table);
        builder.HasKey(r => new { r.SensorId, r.PeriodStart }).HasName($"pk_{table}");
        builder.Property(r => r.SensorId).HasColumnName("sensor_id");
        builder.Property(r => r.PeriodStart).HasColumnName("period_start").HasConversion(UtcTicks.Converter);
        builder.Property(r => r.Count).HasColumnName("count");
        builder.Property(r => r.Min).HasColumnName("min");
        builder.Property(r => r.Mean).HasColumnName("mean");
        builder.Property(r => r.Max).HasColumnName("max");
        builder.Property(r => r.Last).HasColumnName("last");
        builder.HasIndex(r => r.PeriodStart).HasDatabaseName($"ix_{table}_period_start");
        builder.HasOne<SensorRow>().WithMany().HasForeignKey(r => r.SensorId).OnDelete(DeleteBehavior.Restrict)
            .HasConstraintName($"fk_{table}_sensors_sensor_id");
    }
}
