using CoupDePousse.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoupDePousse.App.Data.Configurations;

internal sealed class CriterionVerdictConfiguration : IEntityTypeConfiguration<CriterionVerdict>
{
    public void Configure(EntityTypeBuilder<CriterionVerdict> builder)
    {
        builder.ToTable("CriterionVerdicts");
        builder.Property(v => v.Comment).IsConfidential(ConfidentialText.VerdictComment);
        builder.Property(v => v.RecordedBy).HasMaxLength(450);
    }
}

internal sealed class ObjectiveConfiguration : IEntityTypeConfiguration<Objective>
{
    public void Configure(EntityTypeBuilder<Objective> builder)
    {
        builder.ToTable("Objectives");
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Statement).IsConfidential(ConfidentialText.Objective);
        builder.Property(o => o.SuccessMeasure).IsConfidential(ConfidentialText.Objective);
        builder.Ignore(o => o.IsMeasured);
    }
}

internal sealed class ObjectiveDraftConfiguration : IEntityTypeConfiguration<ObjectiveDraft>
{
    public void Configure(EntityTypeBuilder<ObjectiveDraft> builder)
    {
        builder.ToTable("ObjectiveDrafts");
        builder.Property(o => o.Statement).IsConfidential(ConfidentialText.Objective);
        builder.Property(o => o.SuccessMeasure).IsConfidential(ConfidentialText.Objective);
    }
}

internal sealed class ObjectiveRevisionConfiguration : IEntityTypeConfiguration<ObjectiveRevision>
{
    public void Configure(EntityTypeBuilder<ObjectiveRevision> builder)
    {
        builder.ToTable("ObjectiveRevisions");
        builder.OwnsMany(r => r.Objectives, objective =>
        {
            objective.ToJson();
            // Each text inside the JSON is encrypted; the array's shape stays readable.
            objective.Property(o => o.Statement).IsConfidential(ConfidentialText.Objective);
            objective.Property(o => o.SuccessMeasure).IsConfidential(ConfidentialText.Objective);
        });
    }
}

internal sealed class CoachingSessionConfiguration : IEntityTypeConfiguration<CoachingSession>
{
    public void Configure(EntityTypeBuilder<CoachingSession> builder)
    {
        builder.ToTable("Sessions");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.LoggedBy).HasMaxLength(450);
    }
}

internal sealed class BudgetExtensionConfiguration : IEntityTypeConfiguration<BudgetExtension>
{
    public void Configure(EntityTypeBuilder<BudgetExtension> builder)
    {
        builder.ToTable("BudgetExtensions");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Comment).IsConfidential(ConfidentialText.ExtensionComment);
        builder.Property(e => e.RequestedBy).HasMaxLength(450);
        builder.Property(e => e.DecidedBy).HasMaxLength(450);
    }
}

internal sealed class TransitionRecordConfiguration : IEntityTypeConfiguration<TransitionRecord>
{
    public void Configure(EntityTypeBuilder<TransitionRecord> builder)
    {
        builder.ToTable("TransitionRecords");
        builder.Property(t => t.UserId).HasMaxLength(450);
        // One plain column per detail, so that a query can filter on a criterion or sum minutes.
        builder.ComplexProperty(t => t.Detail, detail =>
        {
            detail.Property(d => d.Criterion).HasColumnName("Criterion");
            detail.Property(d => d.Validated).HasColumnName("Validated");
            detail.Property(d => d.Minutes).HasColumnName("Minutes");
            detail.Property(d => d.ObjectivesRevision).HasColumnName("ObjectivesRevision");
            detail.Property(d => d.ObjectivesShared).HasColumnName("ObjectivesShared");
            detail.Property(d => d.AgreementVersion).HasColumnName("AgreementVersion");
        });
        builder.Ignore(t => t.ChangedState);
    }
}

/// <summary>Notes live in their own table with no navigation from the case: loading a case never loads them.</summary>
internal sealed class SessionNoteConfiguration : IEntityTypeConfiguration<SessionNote>
{
    public void Configure(EntityTypeBuilder<SessionNote> builder)
    {
        builder.ToTable("SessionNotes");
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.AuthorId).HasMaxLength(450);
        builder.Property(n => n.Text).IsConfidential(ConfidentialText.SessionNote);
        builder.HasOne<CoachingSession>().WithMany().HasForeignKey(n => n.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.CaseId, n.AuthorId });
    }
}

/// <summary>The beneficiary's journal lives in its own table with no navigation from the case, like the notes.</summary>
internal sealed class JournalEntryConfiguration : IEntityTypeConfiguration<JournalEntry>
{
    public void Configure(EntityTypeBuilder<JournalEntry> builder)
    {
        builder.ToTable("JournalEntries");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.AuthorId).HasMaxLength(450);
        builder.Property(e => e.Text).IsConfidential(ConfidentialText.JournalEntry);
        builder.HasOne<CoachingCase>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.CaseId, e.AuthorId });
    }
}

internal sealed class AgreementVersionConfiguration : IEntityTypeConfiguration<AgreementVersion>
{
    public void Configure(EntityTypeBuilder<AgreementVersion> builder)
    {
        builder.ToTable("AgreementVersions");
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.IntervenerId).HasMaxLength(450);
        builder.Property(v => v.Domains);
        builder.Property(v => v.TopicCodes);
        builder.Property(v => v.ConfidentialityExceptionsFrench).HasMaxLength(AgreementTerms.MaxExceptionsLength);
        builder.Property(v => v.ConfidentialityExceptionsEnglish).HasMaxLength(AgreementTerms.MaxExceptionsLength);
        builder.Property(v => v.CodeOfEthics).HasMaxLength(AgreementTerms.MaxCodeOfEthicsLength);
        builder.Ignore(v => v.IsAmendment);
        builder.Ignore(v => v.Terms);
    }
}

internal sealed class AgreementAcceptanceConfiguration : IEntityTypeConfiguration<AgreementAcceptance>
{
    public void Configure(EntityTypeBuilder<AgreementAcceptance> builder)
    {
        builder.ToTable("AgreementAcceptances");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.UserId).HasMaxLength(450);
    }
}
