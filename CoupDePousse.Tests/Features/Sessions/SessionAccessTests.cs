using CoupDePousse.App.Features.Cases;
using CoupDePousse.App.Features.Common;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using Microsoft.Extensions.Logging;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;
using static CoupDePousse.Tests.TestSupport.Expected;

namespace CoupDePousse.Tests.Features.Sessions;

public enum SessionOperation
{
    LogSession,
    RequestExtension,
    ApproveExtension,
    RejectExtension,
    WriteNote,
}

/// <summary>The session service's operations, by every person, on a case in sessions.</summary>
public class SessionAccessTests(SharedDatabase shared) : IClassFixture<SharedDatabase>
{
    // Columns: Beneficiary, Manager (the proposer, who hears one neutral refusal), OtherManager, Hr, Intervener (assigned), OtherIntervener, Admin, OtherBeneficiary.
    public static TheoryData<SessionOperation, Who, Expected> Matrix => Expand(
        (SessionOperation.LogSession, [NotAllowed, NoLongerWithdrawable, NotFound, NotAllowed, Success, NotFound, NotFound, NotFound]),
        (SessionOperation.RequestExtension, [NotAllowed, NoLongerWithdrawable, NotFound, NotAllowed, Success, NotFound, NotFound, NotFound]),
        (SessionOperation.ApproveExtension, [NotAllowed, NoLongerWithdrawable, NotFound, Success, NotAllowed, NotFound, NotFound, NotFound]),
        (SessionOperation.RejectExtension, [NotAllowed, NoLongerWithdrawable, NotFound, Success, NotAllowed, NotFound, NotFound, NotFound]),
        (SessionOperation.WriteNote, [NotAllowed, NoLongerWithdrawable, NotFound, NotAllowed, Success, NotFound, NotFound, NotFound]));

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Sessions_and_extensions_are_logged_by_the_intervener_and_decided_by_hr(SessionOperation operation, Who who, Expected expected)
    {
        var coachingCase = InSessions();
        if (operation is SessionOperation.ApproveExtension or SessionOperation.RejectExtension)
        {
            coachingCase.RequestExtension(Intervener, 60, ExtensionCategory.MoreSessionsNeeded, "Un entretien de plus", Now).ShouldSucceed();
        }

        var stored = await shared.OnlyCaseAsync(coachingCase);
        var cases = shared.Database.Cases();
        var notes = shared.Database.SessionNotes();
        var actor = Of(who);
        var token = TestContext.Current.CancellationToken;

        var result = operation switch
        {
            SessionOperation.LogSession => await cases.PerformAsync(actor, stored.Id, stored.Version, new LogSessionCommand(Today, 60, SessionMode.Phone), token),
            SessionOperation.RequestExtension => await cases.PerformAsync(actor, stored.Id, stored.Version, new RequestExtensionCommand(60, ExtensionCategory.MoreSessionsNeeded, "Une séance de plus"), token),
            SessionOperation.ApproveExtension => await cases.PerformAsync(actor, stored.Id, stored.Version, new ApproveExtensionCommand(), token),
            SessionOperation.RejectExtension => await cases.PerformAsync(actor, stored.Id, stored.Version, new RejectExtensionCommand(), token),
            _ => await notes.WriteNoteAsync(actor, stored.Id, stored.Sessions.Single().Id, "Une note", token),
        };

        var reloaded = await shared.Database.LoadAsync(stored.Id);
        if (expected == Success)
        {
            result.ShouldSucceed("{0} may {1}", who, operation);
            return;
        }

        var error = expected switch
        {
            NotFound => AppErrors.NotFound,
            NoLongerWithdrawable => CaseErrors.NoLongerWithdrawable,
            _ => CaseErrors.NotAllowed,
        };
        result.ShouldBeRefusedWith(error);
        reloaded.Version.Should().Be(stored.Version, "a refused operation changes nothing");
        reloaded.History.Should().HaveCount(stored.History.Count);
        reloaded.Sessions.Should().HaveCount(stored.Sessions.Count);
        reloaded.Extensions.Select(e => e.Status).Should().Equal(stored.Extensions.Select(e => e.Status));
        (await notes.MyNotesAsync(Intervener, stored.Id, token)).Should().BeEmpty();
        shared.Database.Logs.Entries.Should().Contain(e => e.Level == LogLevel.Warning
            && e.Message.Contains(stored.Id.ToString()) && e.Message.Contains(actor.UserId) && e.Message.Contains(error.Code));
    }

    private static TheoryData<SessionOperation, Who, Expected> Expand(params (SessionOperation Operation, Expected[] ByWho)[] rows)
    {
        var data = new TheoryData<SessionOperation, Who, Expected>();
        var people = Enum.GetValues<Who>();
        foreach (var (operation, byWho) in rows)
        {
            for (var i = 0; i < people.Length; i++)
            {
                data.Add(operation, people[i], byWho[i]);
            }
        }

        return data;
    }
}
