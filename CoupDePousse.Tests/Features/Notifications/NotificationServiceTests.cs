using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Common;
using CoupDePousse.Domain.Notifications;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Notifications;

/// <summary>A person reads and marks only their own notifications.</summary>
public class NotificationServiceTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_person_reads_and_marks_only_their_own_lines()
    {
        await using var database = await TestDatabase.CreateAsync();
        var theirs = new Notification { RecipientId = IntervenerId, Kind = NotificationKind.MeetingConfirmed, CreatedAt = Now };
        var mine = new Notification { RecipientId = BeneficiaryId, Kind = NotificationKind.DecisionToMake, CreatedAt = Now };
        await using (var db = database.CreateDbContext())
        {
            db.Notifications.AddRange(theirs, mine);
            await db.SaveChangesAsync(Token);
        }

        var notifications = database.Notifications();

        (await notifications.RecentAsync(Beneficiary, new PageRequest(), Token)).Items.Should().ContainSingle().Which.Id.Should().Be(mine.Id);
        (await notifications.MarkReadAsync(Beneficiary, theirs.Id, Token)).ShouldBeRefusedWith(AppErrors.NotFound);
        (await notifications.UnreadCountAsync(Intervener, Token)).Should().Be(1);
        (await notifications.MarkReadAsync(Beneficiary, mine.Id, Token)).ShouldSucceed();
        (await notifications.UnreadCountAsync(Beneficiary, Token)).Should().Be(0);
        (await notifications.MarkAllReadAsync(Manager, Token)).Should().Be(0);
        (await notifications.UnreadCountAsync(Intervener, Token)).Should().Be(1);
    }
}
