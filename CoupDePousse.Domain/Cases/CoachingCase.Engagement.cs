using CoupDePousse.Domain.Common;

namespace CoupDePousse.Domain.Cases;

public sealed partial class CoachingCase
{
    public const int MaxObjectives = 5;
    public const int MaxSessionMinutes = 8 * 60;

    /// <summary>A session's duration as every layer checks it: quarters of an hour, up to the maximum.</summary>
    public static NumberRule SessionDurationRule { get; } = NumberRule.Minutes(MaxSessionMinutes);

    /// <summary>The intervener proposes objectives; they are only a draft until the beneficiary sets them.</summary>
    public Result DraftObjectives(Actor actor, IReadOnlyList<ObjectiveInput> drafts, DateTimeOffset now) =>
        Execute(actor, CaseTrigger.DraftObjectives, now, () => ValidateObjectives(drafts), () =>
        {
            _objectiveDrafts.Clear();
            _objectiveDrafts.AddRange(drafts.Select((d, i) => new ObjectiveDraft(d, i)));
        });

    /// <summary>
    /// Only the beneficiary sets the objectives, saying where they stand on each (0–10); each revision is kept in the history.
    /// An objective whose statement is unchanged keeps its starting score (the score given for it is not needed).
    /// </summary>
    public Result SetObjectives(Actor actor, IReadOnlyList<ObjectiveInput> objectives, IReadOnlyList<int?> startingScores, DateTimeOffset now) =>
        Execute(actor, CaseTrigger.SetObjectives, now, () =>
        {
            var valid = ValidateObjectives(objectives);
            return valid.IsFailure ? valid : ValidateStartingScores(objectives, startingScores);
        },
        () =>
        {
            var scores = objectives.Select((o, i) => KeptStartingScore(o) ?? startingScores[i]!.Value).ToList();
            _objectives.Clear();
            _objectives.AddRange(objectives.Select((o, i) => new Objective(o, i, scores[i])));
            _objectiveRevisions.Add(new ObjectiveRevision(_objectiveRevisions.Count + 1, objectives, now));
        },
        TransitionDetail.Revision(_objectiveRevisions.Count + 1));

    /// <summary>The starting score an objective keeps through a revision that leaves its statement unchanged.</summary>
    public int? KeptStartingScore(ObjectiveInput objective) =>
        _objectives.FirstOrDefault(o => o.StartingScore is not null && o.Statement == objective.Statement.Trim())?.StartingScore;

    private Result ValidateStartingScores(IReadOnlyList<ObjectiveInput> objectives, IReadOnlyList<int?> startingScores)
    {
        if (startingScores.Count != objectives.Count)
        {
            return CaseErrors.ScoreRequired.With(Scores.Min, Scores.Max);
        }

        for (var i = 0; i < objectives.Count; i++)
        {
            var score = startingScores[i];
            if (score is not null && !Scores.IsValid(score))
            {
                return CaseErrors.ScoreOutOfRange.With(Scores.Min, Scores.Max);
            }

            if (score is null && KeptStartingScore(objectives[i]) is null)
            {
                return CaseErrors.ScoreRequired.With(Scores.Min, Scores.Max);
            }
        }

        return Result.Success();
    }

    /// <summary>The beneficiary decides whether the company may read their objectives.</summary>
    public Result ShareObjectives(Actor actor, bool share, DateTimeOffset now) =>
        Execute(actor, CaseTrigger.ShareObjectives, now, null, () => ObjectivesShared = share, TransitionDetail.Sharing(share));

    /// <summary>The beneficiary's own rating of each objective with where they stand now (0–10), at the end or after closing.</summary>
    public Result RateObjectives(Actor actor, IReadOnlyDictionary<Guid, ObjectiveAssessment> assessments, DateTimeOffset now) =>
        Execute(actor, CaseTrigger.RateObjectives, now,
            () => assessments.Count == 0 ? CaseErrors.ObjectiveRequired
                : !assessments.Values.All(a => Enum.IsDefined(a.Rating)) ? CaseErrors.UnknownChoice
                : !assessments.Keys.All(id => _objectives.Any(o => o.Id == id)) ? CaseErrors.UnknownObjective
                : assessments.Values.Any(a => a.ClosingScore is null) ? CaseErrors.ScoreRequired.With(Scores.Min, Scores.Max)
                : !assessments.Values.All(a => Scores.IsValid(a.ClosingScore)) ? CaseErrors.ScoreOutOfRange.With(Scores.Min, Scores.Max)
                : Result.Success(),
            () =>
            {
                foreach (var (id, assessment) in assessments)
                {
                    _objectives.Single(o => o.Id == id).Rate(assessment);
                }
            });

    private static Result ValidateObjectives(IReadOnlyList<ObjectiveInput> objectives)
    {
        if (objectives.Count == 0)
        {
            return CaseErrors.ObjectiveRequired;
        }

        if (objectives.Count > MaxObjectives)
        {
            return CaseErrors.TooManyObjectives.With(MaxObjectives);
        }

        foreach (var objective in objectives)
        {
            if (string.IsNullOrWhiteSpace(objective.Statement) || string.IsNullOrWhiteSpace(objective.SuccessMeasure))
            {
                return CaseErrors.ObjectiveIncomplete;
            }

            if (Text.HasControlCharacter(objective.Statement) || Text.HasControlCharacter(objective.SuccessMeasure))
            {
                return TextErrors.ControlCharacter;
            }

            if (objective.Statement.Trim().Length > TextLimits.ObjectiveText || objective.SuccessMeasure.Trim().Length > TextLimits.ObjectiveText)
            {
                return CaseErrors.TextTooLong.With(TextLimits.ObjectiveText);
            }
        }

        return Result.Success();
    }

    /// <summary>
    /// The intervener logs a session against the budget; the first one starts the sessions.
    /// A session that would go past the budget is refused: the intervener asks HR for an extension.
    /// </summary>
    public Result<CoachingSession> LogSession(Actor actor, DateOnly date, int durationMinutes, SessionMode mode, DateTimeOffset now)
    {
        var session = new CoachingSession(date, durationMinutes, mode, actor.UserId, now);
        var result = Execute(actor, CaseTrigger.LogSession, now,
            () =>
            {
                if (!Enum.IsDefined(mode))
                {
                    return CaseErrors.UnknownChoice;
                }

                var meeting = CheckMeeting(date, durationMinutes, MaxSessionMinutes, now);
                if (meeting.IsFailure)
                {
                    return meeting;
                }

                var remaining = Hours.RemainingMinutes;
                return durationMinutes > remaining
                    ? CaseErrors.OverBudget.With(Durations.Format(durationMinutes), Durations.Format(remaining))
                    : Result.Success();
            },
            () => _sessions.Add(session),
            TransitionDetail.Duration(durationMinutes));
        return result.IsSuccess ? session : result.Error!;
    }

    /// <summary>
    /// A session the beneficiary missed (a no-show the intervener recorded, or their own late cancellation) uses up its
    /// planned time when the admin's policy says so: it joins the sessions as missed, so that the hours stay one sum.
    /// Nothing is recorded when the policy does not consume or the meeting was not missed; never more than the budget left.
    /// </summary>
    public Result RecordMissedSession(Actor actor, Meetings.Meeting meeting, Meetings.MissedMeetingPolicy policy, DateTimeOffset now)
    {
        // Before the agreement is in force nothing is counted: no hours are used under terms nobody accepted yet.
        var minutes = AgreementInForce ? Math.Min(meeting.MinutesConsumed(policy), Hours.RemainingMinutes) : 0;
        if (meeting.CaseId != Id || minutes <= 0)
        {
            return meeting.CaseId == Id ? Result.Success() : CaseErrors.NotAllowed;
        }

        var missedBy = meeting.Status == Meetings.MeetingStatus.NoShow ? IsAssignedIntervener(actor) : IsBeneficiary(actor);
        if (!missedBy)
        {
            return CaseErrors.NotAllowed;
        }

        var date = Meetings.MeetingTimes.DayOf(meeting.Confirmed!.StartsAt);
        return Execute(actor, CaseTrigger.RecordMissedSession, now, null,
            () => _sessions.Add(new CoachingSession(date, minutes, meeting.Mode, actor.UserId, now, missed: true)),
            TransitionDetail.Duration(minutes));
    }

    /// <summary>The intervener asks for more minutes, says why by a category, may add a comment for HR; the total may never pass 1.5 × the initial budget.</summary>
    public Result<BudgetExtension> RequestExtension(Actor actor, int minutes, ExtensionCategory? category, string? comment, DateTimeOffset now)
    {
        var extension = new BudgetExtension(minutes, category.GetValueOrDefault(), comment, actor.UserId, now);
        var result = Execute(actor, CaseTrigger.RequestExtension, now,
            () =>
            {
                // Checked against its cap before any sum, so that a huge number cannot wrap past the cap.
                if (!HoursBudget.ExtensionRule.Allows(minutes))
                {
                    return CaseErrors.InvalidExtension.With(Durations.Format(HoursBudget.MaxExtensionMinutes));
                }

                if (category is not { } chosen || !Enum.IsDefined(chosen))
                {
                    return CaseErrors.ExtensionCategoryRequired;
                }

                var text = OptionalText(comment, TextLimits.ExtensionComment);
                if (text.IsFailure)
                {
                    return text;
                }

                var hours = Hours;
                return minutes > hours.ExtensionRoomMinutes
                    ? CaseErrors.ExtensionOverCap.With(Durations.Format(hours.MaximumTotalMinutes))
                    : Result.Success();
            },
            () => _extensions.Add(extension),
            TransitionDetail.Duration(minutes));
        return result.IsSuccess ? extension : result.Error!;
    }

    /// <summary>HR approves the pending extension: its minutes join the budget.</summary>
    public Result ApproveExtension(Actor actor, DateTimeOffset now) =>
        DecideExtension(actor, CaseTrigger.ApproveExtension, true, now);

    public Result RejectExtension(Actor actor, DateTimeOffset now) =>
        DecideExtension(actor, CaseTrigger.RejectExtension, false, now);

    private Result DecideExtension(Actor actor, CaseTrigger trigger, bool approve, DateTimeOffset now)
    {
        var pending = PendingExtension;
        return Execute(actor, trigger, now, null, () =>
            {
                pending!.Decide(approve, actor.UserId, now);
                AmendAgreement(AgreementReason.Extension, now);
            },
            pending is null ? null : TransitionDetail.Duration(pending.Minutes));
    }

    /// <summary>
    /// Checks that the intervener may write a private note on one of this case's sessions and returns it.
    /// The note is stored apart from the case, so it changes neither the case nor its version.
    /// </summary>
    public Result<SessionNote> WriteSessionNote(Actor actor, Guid sessionId, string text, DateTimeOffset now)
    {
        var allowed = CanPerform(actor, CaseTrigger.WriteSessionNote);
        if (allowed.IsFailure)
        {
            return allowed.Error!;
        }

        if (_sessions.All(s => s.Id != sessionId))
        {
            return CaseErrors.UnknownSession;
        }

        var valid = RequireText(text, CaseErrors.NoteRequired, TextLimits.SessionNote);
        return valid.IsFailure ? valid.Error! : new SessionNote(Id, sessionId, actor.UserId, text.Trim(), now);
    }

    /// <summary>The intervener closes the engagement with the beneficiary, with a closing summary.</summary>
    public Result Close(Actor actor, string summary, DateTimeOffset now) =>
        Execute(actor, CaseTrigger.Close, now, () => RequireText(summary, CaseErrors.SummaryRequired, TextLimits.ClosingSummary), () =>
        {
            ClosingSummary = summary.Trim();
            End(CaseOutcome.Completed, now);
        });
}
