using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Twin.Data.Alarms;

/// <summary>
/// Kept apart from <see cref="AlarmRowConfiguration"/> because it exists for ingestion: a CAP
/// message is found again by (source, source id) to answer a replay without raising twice.
/// </summary>
internal sealed class AlarmSourceIndexConfiguration : IEntityTypeConfiguration<AlarmRow>
{
    public void Configure(EntityTypeBuilder<AlarmRow> builder) =>
        builder.HasIndex(a => new { a.Source, a.SourceId }).HasDatabaseName("ix_alarms_source_source_id");
}
