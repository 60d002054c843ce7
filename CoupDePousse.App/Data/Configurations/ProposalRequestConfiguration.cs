using CoupDePousse.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoupDePousse.App.Data.Configurations;

internal sealed class ProposalRequestConfiguration : IEntityTypeConfiguration<ProposalRequest>
{
    public void Configure(EntityTypeBuilder<ProposalRequest> builder)
    {
        builder.ToTable("ProposalRequests");
        // The key is the unique index: two saves of one request id cannot both succeed.
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasOne<CoachingCase>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
