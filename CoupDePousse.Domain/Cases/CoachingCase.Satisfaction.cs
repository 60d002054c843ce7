using CoupDePousse.Domain.Common;

namespace CoupDePousse.Domain.Cases;

public sealed partial class CoachingCase
{
    /// <summary>The beneficiary's answer to "would you recommend a coup de pousse to a colleague?" (0–10); the company sees it only in aggregate.</summary>
    public int? SatisfactionScore { get; private set; }

    /// <summary>The beneficiary's optional word for the intervener with their answer: read by the two of them only.</summary>
    public string? SatisfactionComment { get; private set; }

    /// <summary>The beneficiary answers the satisfaction question once the case is closed; a new answer replaces the previous one.</summary>
    public Result RateSatisfaction(Actor actor, int? score, string? comment, DateTimeOffset now) =>
        Execute(actor, CaseTrigger.RateSatisfaction, now,
            () => score is null ? CaseErrors.SatisfactionScoreRequired.With(Scores.Min, Scores.Max)
                : !Scores.IsValid(score) ? CaseErrors.ScoreOutOfRange.With(Scores.Min, Scores.Max)
                : OptionalText(comment, TextLimits.SatisfactionComment),
            () =>
            {
                SatisfactionScore = score;
                SatisfactionComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
            });
}
