using CoupDePousse.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoupDePousse.App.Data.Configurations;

internal sealed class DepartmentEnvelopeSettingConfiguration : IEntityTypeConfiguration<DepartmentEnvelopeSetting>
{
    public void Configure(EntityTypeBuilder<DepartmentEnvelopeSetting> builder)
    {
        builder.ToTable("DepartmentEnvelopes");
        builder.HasKey(e => new { e.Year, e.Department });
        builder.Property(e => e.Department).HasMaxLength(TextLimits.Department);
    }
}
