using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoupDePousse.App.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public const int DedupKeyMaxLength = 128;

    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.RecipientId).HasMaxLength(450);
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(n => n.MailStatus).HasConversion<string>().HasMaxLength(16);
        builder.Property(n => n.DedupKey).HasMaxLength(DedupKeyMaxLength);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(n => n.RecipientId).OnDelete(DeleteBehavior.Cascade);

        // The bell: a person's unread count and latest lines.
        builder.HasIndex(n => new { n.RecipientId, n.ReadAt, n.CreatedAt });

        // The mail sender's queue.
        builder.HasIndex(n => new { n.MailStatus, n.CreatedAt });
        builder.HasIndex(n => new { n.RecipientId, n.DedupKey }).IsUnique();
    }
}
