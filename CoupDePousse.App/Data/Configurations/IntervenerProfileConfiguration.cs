using CoupDePousse.Domain.Interveners;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoupDePousse.App.Data.Configurations;

internal sealed class IntervenerProfileConfiguration : IEntityTypeConfiguration<IntervenerProfile>
{
    public void Configure(EntityTypeBuilder<IntervenerProfile> builder)
    {
        builder.ToTable("IntervenerProfiles");
        builder.HasKey(p => p.UserId);
        builder.Property(p => p.UserId).HasMaxLength(450);
        builder.Property(p => p.Domains);
        builder.HasOne<ApplicationUser>().WithOne().HasForeignKey<IntervenerProfile>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BudgetSettingsConfiguration : IEntityTypeConfiguration<BudgetSettings>
{
    public void Configure(EntityTypeBuilder<BudgetSettings> builder)
    {
        builder.ToTable("BudgetSettings");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
    }
}
