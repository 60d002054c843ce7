using System.Globalization;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;

namespace CoupDePousse.Tests.TestSupport;

/// <summary>"Refused and nothing changed": the brief's promise for every impossible move.</summary>
public static class CaseAssertions
{
    /// <summary>Runs the operation, expects the given error code, and checks the case is exactly as before.</summary>
    public static Error ShouldRefuse(this CoachingCase coachingCase, Func<Result> operation, Error expected)
    {
        var before = CaseSnapshot.Of(coachingCase);

        var result = operation();

        result.ShouldBeRefusedWith(expected);
        CaseSnapshot.Of(coachingCase).Should().Be(before, "a refused operation must change nothing");
        return result.Error!;
    }

    /// <summary>Expects a success and, when it is a refusal, says which one.</summary>
    public static void ShouldSucceed(this Result result, string because = "the operation must succeed", params object[] becauseArgs) =>
        result.IsSuccess.Should().BeTrue(Reason(result, because, becauseArgs));

    /// <summary>Expects a success and returns its value.</summary>
    public static T ShouldSucceed<T>(this Result<T> result, string because = "the operation must succeed", params object[] becauseArgs)
    {
        ((Result)result).ShouldSucceed(because, becauseArgs);
        return result.Value;
    }

    public static void ShouldBeRefusedWith(this Result result, Error expected)
    {
        result.IsFailure.Should().BeTrue("the operation must be refused with {0}", expected.Code);
        result.Error!.Code.Should().Be(expected.Code);
    }

    // Formatted here so that braces in a refusal's message are not read as placeholders by FluentAssertions.
    private static string Reason(Result result, string because, object[] becauseArgs) =>
        $"{string.Format(CultureInfo.InvariantCulture, because, becauseArgs)}, but it was refused with {result.Error}".Replace("{", "{{").Replace("}", "}}");

    /// <summary>Everything an operation could change, in a form compared by value.</summary>
    private sealed record CaseSnapshot(
        CaseState State,
        int Version,
        int HistoryCount,
        CaseOutcome? Outcome,
        DateTimeOffset? EndedAt,
        DateTimeOffset StateEnteredAt,
        string? IntervenerId,
        PreliminaryInterviewRecord? Interview,
        bool BeneficiaryContinued,
        bool? CompanyRuling,
        bool? IntervenerRuling,
        Referral? Referral,
        int BudgetMinutes,
        bool ObjectivesShared,
        string? ClosingSummary,
        string Verdicts,
        string Objectives,
        string ObjectiveDrafts,
        int ObjectiveRevisions,
        string Sessions,
        string Extensions,
        ConflictDeclarationStatus ConflictDeclaration,
        string? ConflictDescription,
        int? SatisfactionScore,
        string? SatisfactionComment)
    {
        public static CaseSnapshot Of(CoachingCase c) => new(
            c.State,
            c.Version,
            c.History.Count,
            c.Outcome,
            c.EndedAt,
            c.StateEnteredAt,
            c.IntervenerId,
            c.Interview,
            c.BeneficiaryContinued,
            c.CompanyRuling,
            c.IntervenerRuling,
            c.Referral,
            c.BudgetMinutes,
            c.ObjectivesShared,
            c.ClosingSummary,
            Join(c.Verdicts.Select(v => $"{v.Criterion}/{v.Party}/{v.Validated}/{v.Comment}/{v.RecordedBy}/{v.RecordedAt:O}")),
            Join(c.Objectives.Select(o => $"{o.Id}/{o.Statement}/{o.SuccessMeasure}/{o.Rating}/{o.StartingScore}/{o.ClosingScore}")),
            Join(c.ObjectiveDrafts.Select(d => $"{d.Statement}/{d.SuccessMeasure}")),
            c.ObjectiveRevisions.Count,
            Join(c.Sessions.Select(s => $"{s.Id}/{s.Date}/{s.DurationMinutes}/{s.Mode}")),
            Join(c.Extensions.Select(e => $"{e.Id}/{e.Minutes}/{e.Status}")),
            c.ConflictDeclaration,
            c.ConflictDescription,
            c.SatisfactionScore,
            c.SatisfactionComment);

        private static string Join(IEnumerable<string> parts) => string.Join(" | ", parts);
    }
}
