using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Twin.Data.Organisations;
using Twin.Data.Store;
using Twin.Domain.Organisations;

namespace Twin.Data.Accounts;

internal sealed class TwinUserConfiguration : IEntityTypeConfiguration<TwinUser>
{
    public void Configure(EntityTypeBuilder<TwinUser> builder)
    {
        builder.Property(u => u.CreatedAt).HasConversion(UtcTicks.Converter);
        builder.Property(u => u.OrganisationId).HasDefaultValue(Organisation.CentreId);
        builder.HasOne<OrganisationRow>().WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
