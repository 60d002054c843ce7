using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoupDePousse.App.Data.Configurations;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.ToTable("Meetings");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(m => m.LastChangeReason).HasConversion<string>().HasMaxLength(32);
        builder.Property(m => m.BeneficiaryId).HasMaxLength(450).IsRequired();
        builder.Property(m => m.IntervenerId).HasMaxLength(450).IsRequired();

        // Where the two participants meet is theirs: encrypted at rest, never shown to HR (decision 018).
        builder.Property(m => m.Place).IsConfidential(ConfidentialText.MeetingPlace);
        builder.Property(m => m.Link).IsConfidential(ConfidentialText.MeetingPlace);

        // Every write to a meeting is checked against the version the writer read.
        builder.Property(m => m.Version).IsConcurrencyToken();

        builder.OwnsMany(m => m.OfferedSlots, slot => slot.ToJson());
        builder.OwnsOne(m => m.Confirmed, slot =>
        {
            slot.Property(s => s.StartsAt).HasColumnName("StartsAt");
            slot.Property(s => s.DurationMinutes).HasColumnName("DurationMinutes");
            slot.Ignore(s => s.EndsAt);

            // The reminder job seeks the meetings starting in the next day.
            slot.HasIndex(s => s.StartsAt);
        });
        builder.Ignore(m => m.IsOpen);
        builder.Ignore(m => m.PlannedMinutes);
        builder.Ignore(m => m.LastEvent);

        builder.HasOne<CoachingCase>().WithMany().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.IntervenerId, m.Status });
        builder.HasIndex(m => new { m.BeneficiaryId, m.Status });
        builder.HasIndex(m => m.CaseId);
    }
}
