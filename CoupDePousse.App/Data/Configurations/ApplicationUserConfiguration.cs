using CoupDePousse.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoupDePousse.App.Data.Configurations;

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(TextLimits.DisplayName).IsRequired();
        builder.Property(u => u.Department).HasMaxLength(TextLimits.Department);
        builder.Property(u => u.ManagerId).HasMaxLength(450);
        builder.Property(u => u.TimeZoneId).HasMaxLength(64);
        builder.Property(u => u.Language).HasMaxLength(8);

        // A manager cannot be deleted while people still report to them.
        builder.HasOne<ApplicationUser>()
            .WithMany()
            .HasForeignKey(u => u.ManagerId)
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => u.ManagerId);

        // The pipeline's department filter lists the departments with one seek each on this index.
        builder.HasIndex(u => u.Department);
    }
}
