using CoupDePousse.App.Features.Cases;
using CoupDePousse.App.Features.Common;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;
using CoupDePousse.Tests.TestSupport;
using Microsoft.Extensions.Logging;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Confidentiality;

/// <summary>Every refusal is logged with who, what and which case, and no log line ever holds case text.</summary>
public class RefusalLoggingTests(SharedDatabase shared) : IClassFixture<SharedDatabase>
{
    private const string Marker = "LOG-MARKER-77e1";

    private static readonly string LongText = new('x', TextLimits.ClosingSummary + 1);

    /// <summary>A refused call carrying the marker in its text, by whom, and the code it must be refused with.</summary>
    public static readonly IReadOnlyDictionary<string, (Func<CoachingCase> Arrange, Who Who, Func<TestDatabase, CoachingCase, Task<Result>> Call, string Code)> Refusals =
        new Dictionary<string, (Func<CoachingCase>, Who, Func<TestDatabase, CoachingCase, Task<Result>>, string)>
        {
            ["note by another intervener"] = (() => InSessions(), Who.OtherIntervener,
                (db, c) => db.SessionNotes().WriteNoteAsync(OtherIntervener, c.Id, c.Sessions.Single().Id, $"Note {Marker}", Token), AppErrors.NotFound.Code),
            ["note by hr"] = (() => InSessions(), Who.Hr,
                (db, c) => db.SessionNotes().WriteNoteAsync(Hr, c.Id, c.Sessions.Single().Id, $"Note {Marker}", Token), CaseErrors.NotAllowed.Code),
            ["session logged by the beneficiary"] = (() => InSessions(), Who.Beneficiary,
                (db, c) => db.Cases().PerformAsync(Beneficiary, c.Id, c.Version, new LogSessionCommand(Today, 60, SessionMode.Video), Token), CaseErrors.NotAllowed.Code),
            ["extension asked by the beneficiary"] = (() => InSessions(), Who.Beneficiary,
                (db, c) => db.Cases().PerformAsync(Beneficiary, c.Id, c.Version, new RequestExtensionCommand(60, ExtensionCategory.MoreSessionsNeeded, $"Raison {Marker}"), Token), CaseErrors.NotAllowed.Code),
            ["closing by hr"] = (() => InSessions(), Who.Hr,
                (db, c) => db.Cases().PerformAsync(Hr, c.Id, c.Version, new CloseCommand($"Synthèse {Marker}"), Token), CaseErrors.NotAllowed.Code),
            ["closing summary too long"] = (() => InSessions(), Who.Intervener,
                (db, c) => db.Cases().PerformAsync(Intervener, c.Id, c.Version, new CloseCommand(Marker + LongText), Token), CaseErrors.TextTooLong.Code),
            ["exclusion by the beneficiary"] = (InterviewHeld, Who.Beneficiary,
                (db, c) => db.Cases().PerformAsync(Beneficiary, c.Id, c.Version, new ExcludeCommand(ReferralKind.Other, $"Orientation {Marker}"), Token), CaseErrors.NotAllowed.Code),
            ["verdict by the manager"] = (Continued, Who.Manager,
                (db, c) => db.Cases().PerformAsync(Manager, c.Id, c.Version, new RecordVerdictCommand(AcceptanceCriterion.AffectsWork, false, $"Avis {Marker}"), Token), CaseErrors.NoLongerWithdrawable.Code),
            ["cancel by an outsider"] = (WithIntervener, Who.Admin,
                (db, c) => db.Cases().PerformAsync(Admin, c.Id, c.Version, new CancelCommand($"Motif {Marker}"), Token), AppErrors.NotFound.Code),
            ["objectives on a stale version"] = (Accepted, Who.Beneficiary,
                (db, c) => db.Cases().PerformAsync(Beneficiary, c.Id, c.Version - 1, new SetObjectivesCommand([new($"Objectif {Marker}", "Mesure")], [4]), Token), CaseErrors.Concurrency.Code),
            ["reading another's case"] = (() => InSessions(), Who.OtherBeneficiary,
                async (db, c) => await db.Cases().GetAsync(OtherBeneficiary, c.Id, Token) is null ? AppErrors.NotFound : Result.Success(), AppErrors.NotFound.Code),
            ["reading notes as the beneficiary"] = (() => InSessions(), Who.Beneficiary,
                async (db, c) => (await db.SessionNotes().MyNotesAsync(Beneficiary, c.Id, Token)).Count == 0 ? AppErrors.NotFound : Result.Success(), AppErrors.NotFound.Code),
        };

    public static TheoryData<string> RefusalNames => new(Refusals.Keys);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(RefusalNames))]
    public async Task A_refused_call_is_logged_with_who_and_which_case_but_without_its_text(string refusal)
    {
        var (arrange, who, call, code) = Refusals[refusal];
        var stored = await shared.OnlyCaseAsync(arrange());
        var before = shared.Database.Logs.Entries.Count;

        var result = await call(shared.Database, stored);

        result.Error!.Code.Should().Be(code);
        var logged = shared.Database.Logs.Entries.Skip(before).ToList();
        logged.Should().Contain(e => e.Level == LogLevel.Warning
            && e.Message.Contains(Of(who).UserId) && e.Message.Contains(stored.Id.ToString()) && e.Message.Contains(code));
        logged.Should().NotContain(e => e.Message.Contains(Marker), "a log line must never hold what people wrote");
    }

    [Fact]
    public async Task A_refused_proposal_is_logged_with_who_and_why_but_without_its_description()
    {
        await shared.OnlyCaseAsync(Proposed());
        var before = shared.Database.Logs.Entries.Count;
        var proposal = Proposal() with { Description = $"Situation {Marker}" };

        var notInTeam = await shared.Database.Cases().ProposeAsync(OtherManager, BeneficiaryId, proposal, Token);
        var unknown = await shared.Database.Cases().ProposeAsync(Hr, "nobody-42", proposal, Token);

        notInTeam.Error!.Code.Should().Be(CaseErrors.NotInTeam.Code);
        unknown.Error!.Code.Should().Be(AppErrors.UnknownPerson.Code);
        var logged = shared.Database.Logs.Entries.Skip(before).ToList();
        logged.Should().Contain(e => e.Level == LogLevel.Warning && e.Message.Contains(OtherManagerId) && e.Message.Contains(CaseErrors.NotInTeam.Code));
        logged.Should().Contain(e => e.Level == LogLevel.Warning && e.Message.Contains(HrId) && e.Message.Contains(AppErrors.UnknownPerson.Code));
        logged.Should().NotContain(e => e.Message.Contains(Marker));
    }

    [Fact]
    public async Task Accepted_operations_log_no_case_text_either()
    {
        var stored = await shared.OnlyCaseAsync(InSessions());
        var before = shared.Database.Logs.Entries.Count;

        var proposed = await shared.Database.Cases().ProposeAsync(Beneficiary, BeneficiaryId, Proposal() with { Description = $"Situation {Marker}" }, Token);
        var noted = await shared.Database.SessionNotes().WriteNoteAsync(Intervener, stored.Id, stored.Sessions.Single().Id, $"Note {Marker}", Token);
        var closed = await shared.Database.Cases().PerformAsync(Intervener, stored.Id, stored.Version, new CloseCommand($"Synthèse {Marker}"), Token);

        new Result[] { proposed, noted, closed }.Should().OnlyContain(r => r.IsSuccess);
        shared.Database.Logs.Entries.Skip(before).Should().NotContain(e => e.Message.Contains(Marker));
    }
}
