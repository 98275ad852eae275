using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Twin.Data.Store;

namespace Twin.Data.Sensors;

internal sealed class ObservationRowConfiguration : IEntityTypeConfiguration<ObservationRow>
{
    public void Configure(EntityTypeBuilder<ObservationRow> builder)
    {
        builder.ToTable("observations");
        builder.HasKey(o => o.Id).HasName("pk_observations");
        builder.Property(o => o.Id).HasColumnName("id").ValueGeneratedOnAdd();
        builder.Property(o => o.SensorId).HasColumnName("sensor_id");
        builder.Property(o => o.Value).HasColumnName("value");
        builder.Property(o => o.ObservedAt).HasColumnName("observed_at").HasConversion(UtcTicks.Converter);
        builder.Property(o => o.BatteryPercent).HasColumnName("battery_percent");

        // Unique, so INSERT OR IGNORE makes replays idempotent; it also serves every per-sensor
        // time-range read, including the start-up hourly aggregates (no second index to maintain).
        builder.HasIndex(o => new { o.SensorId, o.ObservedAt }).IsUnique().HasDatabaseName("ix_observations_sensor_id_observed_at");
        builder.HasOne<SensorRow>().WithMany().HasForeignKey(o => o.SensorId).OnDelete(DeleteBehavior.Restrict)
            .HasConstraintName("fk_observations_sensors_sensor_id");
    }
}
