using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Twin.Data.Store;

namespace Twin.Data.Accounts;

internal sealed class TwinUserConfiguration : IEntityTypeConfiguration<TwinUser>
{
    public void Configure(EntityTypeBuilder<TwinUser> builder) =>
        builder.Property(u => u.CreatedAt).HasConversion(UtcTicks.Converter);
}
