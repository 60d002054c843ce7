using CoupDePousse.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoupDePousse.App.Data.Configurations;

internal sealed class CaseCountConfiguration : IEntityTypeConfiguration<CaseCount>
{
    public void Configure(EntityTypeBuilder<CaseCount> builder)
    {
        builder.ToTable("CaseCounts");
        builder.HasKey(c => new { c.State, c.Outcome, c.WaitingOn, c.Department, c.DomainFlags });
        builder.Property(c => c.State).HasMaxLength(32);
        builder.Property(c => c.Outcome).HasMaxLength(32);
        builder.Property(c => c.WaitingOn).HasMaxLength(16);
        builder.Property(c => c.Department).HasMaxLength(TextLimits.Department);
    }
}
