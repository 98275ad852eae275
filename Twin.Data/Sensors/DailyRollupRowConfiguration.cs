using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Twin.Data.Sensors;

internal sealed class DailyRollupRowConfiguration : IEntityTypeConfiguration<DailyRollupRow>
{
    public void Configure(EntityTypeBuilder<DailyRollupRow> builder) => RollupColumns.Configure(builder, "observation_daily");
}
