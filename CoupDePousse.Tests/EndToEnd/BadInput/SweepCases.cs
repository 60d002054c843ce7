using CoupDePousse.App.Data;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Domain.Common;
using CoupDePousse.Tests.EndToEnd.Support;
using CoupDePousse.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoupDePousse.Tests.EndToEnd.BadInput;

/// <summary>The states of a case the sweep needs a field of.</summary>
public enum SweepStep
{
    Proposed,
    InPreliminaryInterview,
    ReadyForInterview,
    InterviewHeld,
    Continued,
    Accepted,
    ObjectivesSet,
    InSessions,
    Closed,
}

/// <summary>
/// Cases of the demo's Léa (beneficiary3@, manager2@, intervener2@, HR) put in a given state through the domain and
/// stored with the app's own context, in a second instead of a minute of clicks; <see cref="RetireAsync"/> cancels those
/// still active at the end, so that no later test of the collection finds Marc's capacity or Léa's lists changed.
/// </summary>
public sealed class SweepCases(AppServerFixture server)
{
    private readonly List<Guid> created = [];
    private Dictionary<string, string>? ids;

    public Actor Hr => Actor.Hr(Ids[DemoUsers.Hr]);

    private Actor Manager => Actor.Manager(Ids[DemoUsers.Manager2]);

    private Actor Lea => Actor.Beneficiary(Ids[DemoUsers.Beneficiary3]);

    private Actor Marc => Actor.Intervener(Ids[DemoUsers.Intervener2]);

    private Dictionary<string, string> Ids => ids ?? throw new InvalidOperationException("Call NewAsync first.");

    private IDbContextFactory<AppDbContext> Factory => server.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();

    public async Task<Guid> NewAsync(SweepStep step)
    {
        var token = TestContext.Current.CancellationToken;
        await using var db = await Factory.CreateDbContextAsync(token);
        if (ids is null)
        {
            string[] emails = [DemoUsers.Hr, DemoUsers.Manager2, DemoUsers.Beneficiary3, DemoUsers.Intervener2];
            ids = await db.Users.Where(u => emails.Contains(u.Email!)).ToDictionaryAsync(u => u.Email!, u => u.Id, token);
        }

        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var proposal = CaseBuilder.Proposal(CoachingDomain.ManagementAndCommunication);
        var coachingCase = CoachingCase.Propose(Manager, new BeneficiaryRef(Lea.UserId, Manager.UserId, Department: "Logistique"), proposal, BudgetBounds.Default, now.AddDays(-3)).Value;
        if (step > SweepStep.Proposed)
        {
            coachingCase.AssignIntervener(Hr, CaseBuilder.Candidate(Marc.UserId), Manager.UserId, now).ShouldSucceed();
            coachingCase.AgreeToMeet(Lea, now).ShouldSucceed();
        }

        if (step > SweepStep.InPreliminaryInterview)
        {
            coachingCase.DeclareNoConflict(Marc, now).ShouldSucceed();
        }

        if (step > SweepStep.ReadyForInterview)
        {
            coachingCase.RecordInterview(Marc, today, 60, now).ShouldSucceed();
        }

        if (step > SweepStep.InterviewHeld)
        {
            coachingCase.Continue(Lea, now).ShouldSucceed();
        }

        if (step > SweepStep.Continued)
        {
            foreach (var party in new[] { Party.Company, Party.Intervener })
            {
                foreach (var criterion in AcceptanceCriteria.OwnedBy(party))
                {
                    coachingCase.RecordVerdict(party == Party.Company ? Hr : Marc, criterion, true, null, now).ShouldSucceed();
                }
            }
        }

        if (step > SweepStep.Accepted)
        {
            coachingCase.SetObjectives(Lea, CaseBuilder.Objectives, CaseBuilder.StartingScores(CaseBuilder.Objectives), now).ShouldSucceed();
            coachingCase.AcceptAgreement(Lea, now).ShouldSucceed();
            coachingCase.AcceptAgreement(Marc, now).ShouldSucceed();
            coachingCase.AcceptAgreement(Hr, now).ShouldSucceed();
        }

        if (step > SweepStep.ObjectivesSet)
        {
            coachingCase.LogSession(Marc, today, 60, SessionMode.OnSite, now).ShouldSucceed();
        }

        if (step > SweepStep.InSessions)
        {
            coachingCase.Close(Marc, "Objectifs travaillés.", now).ShouldSucceed();
        }

        db.Cases.Add(coachingCase);
        await db.SaveChangesAsync(token);
        created.Add(coachingCase.Id);
        return coachingCase.Id;
    }

    /// <summary>Cancels every case of the sweep that is still active (closed, excluded or cancelled ones stay as they are).</summary>
    public async Task RetireAsync()
    {
        if (created.Count == 0)
        {
            return;
        }

        var token = TestContext.Current.CancellationToken;
        await using var db = await Factory.CreateDbContextAsync(token);
        foreach (var coachingCase in await db.Cases.Where(c => created.Contains(c.Id)).ToListAsync(token))
        {
            if (coachingCase.AvailableTriggers(Hr).Contains(CaseTrigger.Cancel))
            {
                coachingCase.Cancel(Hr, null, DateTimeOffset.UtcNow).ShouldSucceed();
            }
        }

        await db.SaveChangesAsync(token);
    }
}
