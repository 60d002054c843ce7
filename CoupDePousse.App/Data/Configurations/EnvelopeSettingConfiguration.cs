using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoupDePousse.App.Data.Configurations;

internal sealed class EnvelopeSettingConfiguration : IEntityTypeConfiguration<EnvelopeSetting>
{
    public void Configure(EntityTypeBuilder<EnvelopeSetting> builder)
    {
        builder.ToTable("ProgrammeEnvelopes");
        builder.HasKey(e => e.Year);
        builder.Property(e => e.Year).ValueGeneratedNever();
    }
}
