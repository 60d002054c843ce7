using CoupDePousse.App.Features.Administration;
using CoupDePousse.App.Features.Cases;
using CoupDePousse.App.Features.Pipeline;
using CoupDePousse.App.Security;
using CoupDePousse.Domain.Interveners;
using CoupDePousse.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Administration;

/// <summary>Role and intervener profile stay consistent: no profile without the role, no assignment to an account that cannot act.</summary>
public class RoleAndProfileTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Leaving_the_intervener_role_removes_the_profile_and_hr_sees_the_case_flagged()
    {
        await using var database = await TestDatabase.CreateAsync();
        var assigned = await database.SaveAsync(InSessions());

        (await database.Administration().SetRoleAsync(Admin, IntervenerId, Roles.Beneficiary, Token)).ShouldSucceed();

        await using (var db = database.CreateDbContext())
        {
            (await db.IntervenerProfiles.AnyAsync(p => p.UserId == IntervenerId, Token)).Should().BeFalse();
            (await db.Cases.SingleAsync(c => c.Id == assigned.Id, Token)).IntervenerId.Should().Be(IntervenerId, "the cases already assigned stay");
        }

        var view = (CompanyCaseView)(await database.Cases().GetAsync(Hr, assigned.Id, Token))!;
        view.IntervenerInactive.Should().BeTrue();
        view.Header.IntervenerName.Should().NotBeNull();
        var pipeline = await database.Pipeline().GetOverviewAsync(Hr, new PipelineFilter(), new(1, 20), Token);
        pipeline.ShouldSucceed().Rows.Items.Single(r => r.Id == assigned.Id).IntervenerName.Should().Be(view.Header.IntervenerName);
    }

    [Fact]
    public async Task An_active_interveners_case_is_not_flagged()
    {
        await using var database = await TestDatabase.CreateAsync();
        var assigned = await database.SaveAsync(InSessions());

        var view = (CompanyCaseView)(await database.Cases().GetAsync(Hr, assigned.Id, Token))!;

        view.IntervenerInactive.Should().BeFalse();
    }

    [Fact]
    public async Task A_disabled_intervener_is_neither_offered_nor_assigned_and_their_case_is_flagged()
    {
        await using var database = await TestDatabase.CreateAsync();
        var proposal = await database.SaveAsync(Proposed());
        var held = await database.SaveAsync(InSessions());
        (await database.Administration().DisableAsync(Admin, IntervenerId, Token)).ShouldSucceed();

        var candidates = await database.Cases().CandidatesAsync(Hr, proposal.Id, Token);
        var assigned = await database.Cases().PerformAsync(Hr, proposal.Id, proposal.Version, new AssignIntervenerCommand(IntervenerId), Token);

        candidates.ShouldSucceed().Select(c => c.Id).Should().NotContain(IntervenerId);
        assigned.ShouldBeRefusedWith(IntervenerErrors.AccountDisabled);
        ((CompanyCaseView)(await database.Cases().GetAsync(Hr, held.Id, Token))!).IntervenerInactive.Should().BeTrue();
    }

    [Fact]
    public async Task An_account_with_a_stale_profile_but_without_the_role_is_not_assigned()
    {
        await using var database = await TestDatabase.CreateAsync();
        var proposal = await database.SaveAsync(Proposed());
        await using (var db = database.CreateDbContext())
        {
            // A profile left behind from before this rule: the role, not the profile, decides.
            var role = await db.Roles.SingleAsync(r => r.Name == Roles.Intervener, Token);
            await db.UserRoles.Where(ur => ur.UserId == IntervenerId && ur.RoleId == role.Id).ExecuteDeleteAsync(Token);
        }

        var candidates = await database.Cases().CandidatesAsync(Hr, proposal.Id, Token);
        var assigned = await database.Cases().PerformAsync(Hr, proposal.Id, proposal.Version, new AssignIntervenerCommand(IntervenerId), Token);

        candidates.ShouldSucceed().Select(c => c.Id).Should().NotContain(IntervenerId);
        assigned.ShouldBeRefusedWith(IntervenerErrors.NotAnIntervener);
    }
}
