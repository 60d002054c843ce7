using CoupDePousse.App.Data;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Meetings;
using CoupDePousse.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Administration;

/// <summary>The admin's stalled-case delays and missed-meeting policy: admin only, checked by the domain, audited.</summary>
public class MeetingSettingsTests : AccountServicesTest
{
    [Fact]
    public async Task Stalled_delays_are_set_by_the_admin_within_1_to_365_days_and_audited()
    {
        (await Administration.GetStallingRulesAsync(Admin, Token)).ShouldSucceed().Should().Be(StallingRules.Default);
        (await Administration.SetStallingRulesAsync(Admin, StallingRules.Default with { InSessionsDays = 0 }, Token)).ShouldBeRefusedWith(StallingRules.InvalidDays);
        (await Administration.SetStallingRulesAsync(Admin, StallingRules.Default with { NudgeDays = 366 }, Token)).ShouldBeRefusedWith(StallingRules.InvalidDays);
        (await Administration.SetStallingRulesAsync(Hr, StallingRules.Default with { NudgeDays = 3 }, Token)).IsFailure.Should().BeTrue("only the admin sets them");
        (await Administration.GetStallingRulesAsync(Hr, Token)).IsFailure.Should().BeTrue();

        (await Administration.SetStallingRulesAsync(Admin, StallingRules.Default with { InSessionsDays = 30, NudgeDays = 3 }, Token)).ShouldSucceed();

        (await Administration.GetStallingRulesAsync(Admin, Token)).ShouldSucceed().Should().Be(StallingRules.Default with { InSessionsDays = 30, NudgeDays = 3 });
        (await EventsAsync()).Should().Equal((SecurityEventKind.StallingRulesChanged, AdminId,
            "proposed=7; interview=14; discussion=7; accepted=10; objectivesSet=14; inSessions=21; nudge=5",
            "proposed=7; interview=14; discussion=7; accepted=10; objectivesSet=14; inSessions=30; nudge=3"));
    }

    [Fact]
    public async Task The_missed_meeting_policy_is_set_by_the_admin_and_audited()
    {
        (await Administration.GetMissedMeetingPolicyAsync(Admin, Token)).ShouldSucceed().Should().Be(MissedMeetingPolicy.Default);
        (await Administration.SetMissedMeetingPolicyAsync(Hr, new MissedMeetingPolicy(true), Token)).IsFailure.Should().BeTrue("only the admin sets it");

        (await Administration.SetMissedMeetingPolicyAsync(Admin, new MissedMeetingPolicy(true), Token)).ShouldSucceed();

        (await Administration.GetMissedMeetingPolicyAsync(Admin, Token)).ShouldSucceed().ConsumesBudget.Should().BeTrue();
        (await EventsAsync()).Should().Equal((SecurityEventKind.MissedMeetingPolicyChanged, AdminId, "consumesBudget=False", "consumesBudget=True"));
    }

    private async Task<List<(SecurityEventKind Kind, string? Actor, string? Old, string? New)>> EventsAsync()
    {
        await using var db = Database.CreateDbContext();
        var rows = await db.SecurityEvents.Where(e => e.SubjectUserId == null).OrderBy(e => e.Id).ToListAsync(Token);
        return rows.Select(e => (e.Kind, e.ActorUserId, e.OldValue, e.NewValue)).ToList();
    }
}
