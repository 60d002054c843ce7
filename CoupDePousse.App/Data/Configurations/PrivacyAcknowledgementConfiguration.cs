using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoupDePousse.App.Data.Configurations;

internal sealed class PrivacyAcknowledgementConfiguration : IEntityTypeConfiguration<PrivacyAcknowledgement>
{
    public void Configure(EntityTypeBuilder<PrivacyAcknowledgement> builder)
    {
        builder.ToTable("PrivacyAcknowledgements");
        builder.HasKey(a => new { a.UserId, a.Version });
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
