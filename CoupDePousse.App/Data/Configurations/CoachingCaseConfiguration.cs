using CoupDePousse.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoupDePousse.App.Data.Configurations;

internal sealed class CoachingCaseConfiguration : IEntityTypeConfiguration<CoachingCase>
{
    public void Configure(EntityTypeBuilder<CoachingCase> builder)
    {
        builder.ToTable("Cases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();

        // SQLite has no rowversion: the domain bumps Version on every change and EF checks it on save.
        builder.Property(c => c.Version).IsConcurrencyToken();

        builder.Property(c => c.BeneficiaryId).HasMaxLength(450).IsRequired();
        builder.Property(c => c.ProposedById).HasMaxLength(450).IsRequired();
        builder.Property(c => c.IntervenerId).HasMaxLength(450);
        builder.Property(c => c.Description).IsRequired().IsConfidential(ConfidentialText.Request);
        builder.Property(c => c.WorkImpact).HasMaxLength(TextLimits.WorkImpact).IsRequired();
        builder.Property(c => c.WishedTiming).HasMaxLength(TextLimits.WishedTiming).IsRequired();
        builder.Property(c => c.ClosingSummary).IsConfidential(ConfidentialText.ClosingSummary);
        builder.Property(c => c.CompanyTextDraft).IsConfidential(ConfidentialText.CompanyText);
        builder.Property(c => c.ApprovedCompanyText).IsConfidential(ConfidentialText.CompanyText);
        builder.Property(c => c.CancellationReason).IsConfidential(ConfidentialText.CancellationReason);
        builder.Property(c => c.ConflictDescription).IsConfidential(ConfidentialText.ConflictDescription);
        builder.Property(c => c.SatisfactionComment).IsConfidential(ConfidentialText.SatisfactionComment);
        builder.Property(c => c.Domains);
        builder.Property(c => c.TopicCodes);
        builder.Property(c => c.Department).HasMaxLength(TextLimits.Department);

        builder.OwnsOne(c => c.Interview, interview =>
        {
            interview.Property(i => i.Date).HasColumnName("InterviewDate");
            interview.Property(i => i.DurationMinutes).HasColumnName("InterviewMinutes");
        });
        builder.OwnsOne(c => c.Referral, referral =>
        {
            referral.Property(r => r.Kind).HasColumnName("ReferralKind");
            referral.Property(r => r.Note).HasColumnName("ReferralNote").IsConfidential(ConfidentialText.ReferralNote);
        });

        builder.Ignore(c => c.Hours);
        builder.Ignore(c => c.PendingExtension);
        builder.Ignore(c => c.CompanyTextStatus);
        builder.Ignore(c => c.CurrentAgreement);
        builder.Ignore(c => c.AgreementAwaiting);
        builder.Ignore(c => c.AgreementInForce);

        builder.HasMany(c => c.Verdicts).WithOne().HasForeignKey("CaseId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Objectives).WithOne().HasForeignKey("CaseId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.ObjectiveDrafts).WithOne().HasForeignKey("CaseId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.ObjectiveRevisions).WithOne().HasForeignKey("CaseId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Sessions).WithOne().HasForeignKey("CaseId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Extensions).WithOne().HasForeignKey("CaseId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.AgreementVersions).WithOne().HasForeignKey("CaseId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.AgreementAcceptances).WithOne().HasForeignKey("CaseId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.History).WithOne().HasForeignKey("CaseId").IsRequired().OnDelete(DeleteBehavior.Cascade);

        builder.HasIndex(c => c.BeneficiaryId);
        builder.HasIndex(c => c.ProposedById);

        // HR's pipeline pages in the order of StateEnteredAt: one index per filter, each already in that order.
        builder.HasIndex(c => c.StateEnteredAt);

        // Retention (decision 039) walks the ended cases by their end.
        builder.HasIndex(c => c.EndedAt);
        builder.HasIndex(c => new { c.State, c.StateEnteredAt });
        builder.HasIndex(c => new { c.Department, c.StateEnteredAt });
        builder.HasIndex(c => new { c.WaitingOn, c.StateEnteredAt });

        // An intervener's cases in that order, with every fact their figures count: the filter on an intervener reads only this index.
        builder.HasIndex(c => new
        {
            c.IntervenerId,
            c.StateEnteredAt,
            c.State,
            c.Outcome,
            c.WaitingOn,
            c.Department,
            c.UsedMinutes,
            c.BudgetMinutes,
            c.ApprovedExtensionMinutes,
        }).HasDatabaseName("IX_Cases_Intervener_Facts");

        // The cost adds up minutes logged by intervener and case: for each filter, an index already in that order.
        builder.HasIndex(c => new { c.IntervenerId, c.UsedMinutes, c.DomainFlags });
        builder.HasIndex(c => new { c.State, c.IntervenerId, c.UsedMinutes });
        builder.HasIndex(c => new { c.Department, c.IntervenerId, c.UsedMinutes });
        builder.HasIndex(c => new { c.WaitingOn, c.IntervenerId, c.UsedMinutes });

        // The programme envelope (decisions 031, 034): a year's cases by what prices them and their department, read from this index alone.
        builder.HasIndex(c => new { c.State, c.ProposedAt, c.IntervenerId, c.BudgetMinutes, c.ApprovedExtensionMinutes, c.UsedMinutes, c.Department }).HasDatabaseName("IX_Cases_Envelope");

        // HR's programme report (decision 033): a year's cases with every fact it counts, read from this index alone.
        builder.HasIndex(c => new
        {
            c.ProposedAt,
            c.State,
            c.Outcome,
            c.Department,
            c.DomainFlags,
            c.UsedMinutes,
            c.BudgetMinutes,
            c.ApprovedExtensionMinutes,
            c.MeasuredObjectives,
            c.ScoreChange,
            c.SatisfactionScore,
            c.InterviewedOn,
            c.FirstSessionDate,
            c.ExtensionsRequested,
            c.ExtensionsApproved,
            c.RatedObjectives,
            c.ReachedObjectives,
            c.NotReachedObjectives,
            c.Id,
        }).HasDatabaseName("IX_Cases_Report");
    }
}
