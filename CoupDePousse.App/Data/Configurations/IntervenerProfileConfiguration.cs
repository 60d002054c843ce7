using CoupDePousse.Domain.Cases;
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

        // A row stored before these settings existed reads the domain's defaults.
        var stalling = StallingRules.Default;
        builder.Property(s => s.StalledProposedDays).HasDefaultValue(stalling.ProposedDays);
        builder.Property(s => s.StalledPreliminaryInterviewDays).HasDefaultValue(stalling.PreliminaryInterviewDays);
        builder.Property(s => s.StalledUnderDiscussionDays).HasDefaultValue(stalling.UnderDiscussionDays);
        builder.Property(s => s.StalledAcceptedDays).HasDefaultValue(stalling.AcceptedDays);
        builder.Property(s => s.StalledObjectivesSetDays).HasDefaultValue(stalling.ObjectivesSetDays);
        builder.Property(s => s.StalledInSessionsDays).HasDefaultValue(stalling.InSessionsDays);
        builder.Property(s => s.ConfidentialityExceptionsFrench).HasMaxLength(AgreementTerms.MaxExceptionsLength);
        builder.Property(s => s.ConfidentialityExceptionsEnglish).HasMaxLength(AgreementTerms.MaxExceptionsLength);
        builder.Property(s => s.CodeOfEthics).HasMaxLength(AgreementTerms.MaxCodeOfEthicsLength);
        builder.Property(s => s.NudgeDays).HasDefaultValue(stalling.NudgeDays);
        builder.Property(s => s.PrivacyContact).HasMaxLength(Domain.Privacy.PrivacyContact.MaxLength);
    }
}
