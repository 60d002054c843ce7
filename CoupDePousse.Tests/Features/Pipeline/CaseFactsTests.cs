using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Pipeline;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Pipeline;

/// <summary>The facts cases store for HR's pages stay true: refreshed when older rules computed them, checked, and following people who move.</summary>
public class CaseFactsTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Cases_written_before_the_facts_existed_are_found_by_the_check_and_refreshed_at_start()
    {
        await using var database = await TestDatabase.CreateAsync();
        var inSessions = await database.SaveAsync(InSessions(minutes: 90));
        var proposed = await database.SaveAsync(Proposed());
        await using (var db = database.CreateDbContext())
        {
            // What the migration leaves on rows an older version wrote: no party, no hours, no domains, revision 0.
            await db.Cases.ExecuteUpdateAsync(set => set
                .SetProperty(c => c.FactsRevision, 0)
                .SetProperty(c => c.WaitingOn, (WaitingParty?)null)
                .SetProperty(c => c.UsedMinutes, 0)
                .SetProperty(c => c.DomainFlags, 0), Token);
            (await CaseFacts.FindDifferencesAsync(db, Token)).Should().BeEquivalentTo([inSessions.Id, proposed.Id]);
        }

        await using (var db = database.CreateDbContext())
        {
            await DatabaseStartup.MigrateAsync(db, Token);
        }

        await using (var db = database.CreateDbContext())
        {
            (await CaseFacts.FindDifferencesAsync(db, Token)).Should().BeEmpty();
            var stored = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == inSessions.Id, Token);
            stored.UsedMinutes.Should().Be(90);
            stored.WaitingOn.Should().Be(WaitingParty.Intervener);
        }

        var waitingOnHr = (await database.Pipeline().GetOverviewAsync(Hr, new PipelineFilter(WaitingOn: WaitingParty.HR), new PageRequest(), Token)).Value;
        waitingOnHr.Rows.Items.Should().ContainSingle().Which.Id.Should().Be(proposed.Id);
    }

    [Fact]
    public async Task A_stored_fact_changed_behind_the_domains_back_is_reported_by_the_check()
    {
        await using var database = await TestDatabase.CreateAsync();
        var tampered = await database.SaveAsync(InSessions(minutes: 90));
        await database.SaveAsync(Closed());
        await using var db = database.CreateDbContext();
        (await CaseFacts.FindDifferencesAsync(db, Token)).Should().BeEmpty();

        await db.Cases.Where(c => c.Id == tampered.Id).ExecuteUpdateAsync(set => set.SetProperty(c => c.UsedMinutes, 30), Token);

        (await CaseFacts.FindDifferencesAsync(db, Token)).Should().Equal(tampered.Id);
    }

    [Fact]
    public async Task A_department_out_of_step_with_the_beneficiarys_is_reported_by_the_check()
    {
        await using var database = await TestDatabase.CreateAsync();
        var coachingCase = await database.SaveAsync(Proposed());
        await using var db = database.CreateDbContext();

        await db.Users.Where(u => u.Id == BeneficiaryId).ExecuteUpdateAsync(set => set.SetProperty(u => u.Department, "Juridique"), Token);

        (await CaseFacts.FindDifferencesAsync(db, Token)).Should().Equal(coachingCase.Id);
    }

    [Fact]
    public async Task When_the_admin_moves_a_person_their_cases_move_with_them_in_hrs_figures_and_filters()
    {
        await using var database = await TestDatabase.CreateAsync();
        for (var i = 0; i < 5; i++)
        {
            await database.SaveAsync(Proposed());
        }

        (await database.Administration().SetOrganisationAsync(Admin, BeneficiaryId, "Juridique", ManagerId, Token)).IsSuccess.Should().BeTrue();

        var pipeline = database.Pipeline();
        var logistics = (await pipeline.GetOverviewAsync(Hr, new PipelineFilter(Department: "Logistique"), new PageRequest(), Token)).Value;
        var legal = (await pipeline.GetOverviewAsync(Hr, new PipelineFilter(Department: "Juridique"), new PageRequest(), Token)).Value;
        logistics.Rows.TotalCount.Should().Be(0);
        legal.Rows.TotalCount.Should().Be(5);
        legal.Rows.Items.Should().OnlyContain(r => r.Department == "Juridique");
        legal.Statistics!.ByDepartment.Should().ContainSingle().Which.Department.Should().Be("Juridique");
        await using var db = database.CreateDbContext();
        (await CaseFacts.FindDifferencesAsync(db, Token)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_refused_move_leaves_the_cases_where_they_were()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.SaveAsync(Proposed());

        var refused = await database.Administration().SetOrganisationAsync(Admin, BeneficiaryId, "Juridique", IntervenerId, Token);

        refused.IsFailure.Should().BeTrue();
        await using var db = database.CreateDbContext();
        (await db.Cases.Select(c => c.Department).SingleAsync(Token)).Should().Be("Logistique");
    }
}
