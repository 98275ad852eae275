using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Twin.Data.Store;

namespace Twin.Data.Sensors;

internal sealed class SensorRowConfiguration : IEntityTypeConfiguration<SensorRow>
{
    public void Configure(EntityTypeBuilder<SensorRow> builder)
    {
        builder.ToTable("sensors");
        builder.HasKey(s => s.Id).HasName("pk_sensors");
        builder.Property(s => s.Id).HasColumnName("id");
        builder.Property(s => s.Kind).HasColumnName("kind").HasConversion<string>();
        builder.Property(s => s.Name).HasColumnName("name");
        builder.Property(s => s.Lon).HasColumnName("lon");
        builder.Property(s => s.Lat).HasColumnName("lat");
        builder.Property(s => s.Unit).HasColumnName("unit");
        builder.Property(s => s.WarningLevel).HasColumnName("warning_level");
        builder.Property(s => s.AlarmLevel).HasColumnName("alarm_level");
        builder.Property(s => s.Hysteresis).HasColumnName("hysteresis");
        builder.Property(s => s.HighIsBad).HasColumnName("high_is_bad");
        builder.Property(s => s.ReportInterval).HasColumnName("report_interval_ticks").HasConversion<long>();
        builder.Property(s => s.SubDistrictCode).HasColumnName("sub_district_code");
        builder.Property(s => s.InCorridor).HasColumnName("in_corridor");
        builder.Property(s => s.LastValue).HasColumnName("last_value");
        builder.Property(s => s.LastObservedAt).HasColumnName("last_observed_at").HasConversion(UtcTicks.Converter);
        builder.Property(s => s.BatteryPercent).HasColumnName("battery_percent");
        builder.Property(s => s.ValueState).HasColumnName("value_state").HasConversion<string>();
        builder.Property(s => s.Health).HasColumnName("health").HasConversion<string>();
        builder.Property(s => s.ThingId).HasColumnName("thing_id");
        builder.HasIndex(s => s.ThingId).HasDatabaseName("ix_sensors_thing_id");
    }
}
