using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoupDePousse.App.Data.Configurations;

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> builder)
    {
        builder.ToTable("CalendarFeeds");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.UserId).HasMaxLength(450);
        builder.Property(f => f.TokenHash).HasMaxLength(CalendarFeed.HashLength).IsFixedLength();
        builder.HasIndex(f => f.UserId).IsUnique();
        builder.HasIndex(f => f.TokenHash).IsUnique();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
