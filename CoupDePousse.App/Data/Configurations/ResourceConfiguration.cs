using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoupDePousse.App.Data.Configurations;

/// <summary>The administrator's library: public material, stored in clear.</summary>
internal sealed class LibraryResourceConfiguration : IEntityTypeConfiguration<LibraryResource>
{
    public void Configure(EntityTypeBuilder<LibraryResource> builder)
    {
        builder.ToTable("LibraryResources");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.TopicCode).HasMaxLength(64);
        builder.Property(r => r.TitleFrench).HasMaxLength(TextLimits.ResourceTitle);
        builder.Property(r => r.TitleEnglish).HasMaxLength(TextLimits.ResourceTitle);
        builder.Property(r => r.SummaryFrench).HasMaxLength(TextLimits.ResourceSummary);
        builder.Property(r => r.SummaryEnglish).HasMaxLength(TextLimits.ResourceSummary);
        builder.Property(r => r.Link).HasMaxLength(TextLimits.ResourceLink);
        builder.HasIndex(r => new { r.Domain, r.IsArchived });
    }
}

/// <summary>A resource shared on a case: its own table, no navigation from the case (decision 028).</summary>
internal sealed class ResourceShareConfiguration : IEntityTypeConfiguration<ResourceShare>
{
    public void Configure(EntityTypeBuilder<ResourceShare> builder)
    {
        builder.ToTable("ResourceShares");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.SharedById).HasMaxLength(450);
        builder.HasOne<CoachingCase>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<LibraryResource>().WithMany().HasForeignKey(s => s.ResourceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.CaseId, s.ResourceId }).IsUnique();
    }
}

/// <summary>Action items between sessions: their text is the beneficiary's business, encrypted at rest.</summary>
internal sealed class ActionItemConfiguration : IEntityTypeConfiguration<ActionItem>
{
    public void Configure(EntityTypeBuilder<ActionItem> builder)
    {
        builder.ToTable("ActionItems");
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.AuthorId).HasMaxLength(450);
        builder.Property(i => i.Author).HasConversion<string>().HasMaxLength(32);
        builder.Property(i => i.Text).IsConfidential(ConfidentialText.ActionItem);
        builder.Ignore(i => i.IsDone);
        builder.HasOne<CoachingCase>().WithMany().HasForeignKey(i => i.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => i.CaseId);
    }
}
