using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Twin.Data.Sensors;

internal sealed class HourlyRollupRowConfiguration : IEntityTypeConfiguration<HourlyRollupRow>
{
    public void Configure(EntityTypeBuilder<HourlyRollupRow> builder) => RollupColumns.Configure(builder, "observation_hourly");
}
