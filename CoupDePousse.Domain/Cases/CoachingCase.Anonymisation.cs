using CoupDePousse.Domain.Common;

namespace CoupDePousse.Domain.Cases;

public sealed partial class CoachingCase
{
    /// <summary>Who stands in an anonymised case for every person but its intervener (whose rate prices its hours).</summary>
    public const string AnonymousPersonId = "anonymised";

    public static readonly Error NotEnded = new("case.not_ended_for_retention",
        "Seul un dossier terminé peut être anonymisé ou effacé.",
        "Only an ended case can be anonymised or erased.");

    /// <summary>When retention reduced the case to its figures; null while it is whole.</summary>
    public DateTimeOffset? AnonymisedAt { get; private set; }

    /// <summary>
    /// Retention (decision 039): keeps what statistics need (state, outcome, dates, domains and topics, department, hours
    /// and budget, intervener and so cost, scores and ratings) and drops every free text and every person but the intervener.
    /// </summary>
    public Result Anonymise(DateTimeOffset now)
    {
        if (!State.IsEnded())
        {
            return NotEnded;
        }

        if (AnonymisedAt is not null)
        {
            return Result.Success();
        }

        EraseTexts();
        var intervener = IntervenerId;
        string Keep(string userId) => userId == intervener ? userId : AnonymousPersonId;
        BeneficiaryId = AnonymousPersonId;
        ProposedById = AnonymousPersonId;
        foreach (var record in _history)
        {
            record.ReplaceUser(Keep(record.UserId));
        }

        foreach (var session in _sessions)
        {
            session.ReplaceLogger(Keep(session.LoggedBy));
        }

        foreach (var extension in _extensions)
        {
            extension.ReplacePeople(Keep(extension.RequestedBy), extension.DecidedBy is null ? null : Keep(extension.DecidedBy));
        }

        foreach (var verdict in _verdicts)
        {
            verdict.ReplaceRecorder(Keep(verdict.RecordedBy));
        }

        foreach (var acceptance in _agreementAcceptances)
        {
            acceptance.ReplaceUser(Keep(acceptance.UserId));
        }

        AnonymisedAt = now;
        Version++;
        return Result.Success();
    }

    /// <summary>
    /// The erasure of its beneficiary (decision 039): every free text of the case is theirs or about them and goes; the
    /// case keeps its figures and its link to the person's pseudonymous account.
    /// </summary>
    public Result EraseBeneficiaryTexts()
    {
        if (!State.IsEnded())
        {
            return NotEnded;
        }

        EraseTexts();
        Version++;
        return Result.Success();
    }

    /// <summary>The erasure of its intervener: their declaration of a conflict of interest describes their own relations.</summary>
    public void EraseConflictDescription()
    {
        if (ConflictDescription is not null)
        {
            ConflictDescription = null;
            Version++;
        }
    }

    private void EraseTexts()
    {
        Description = "";
        WorkImpact = "";
        WishedTiming = "";
        ClosingSummary = null;
        CompanyTextDraft = null;
        ApprovedCompanyText = null;
        CancellationReason = null;
        ConflictDescription = null;
        SatisfactionComment = null;
        if (Referral is not null)
        {
            Referral = Referral with { Note = "" };
        }

        foreach (var verdict in _verdicts)
        {
            verdict.EraseComment();
        }

        foreach (var objective in _objectives)
        {
            objective.EraseTexts();
        }

        foreach (var extension in _extensions)
        {
            extension.EraseComment();
        }

        _objectiveDrafts.Clear();
        _objectiveRevisions.Clear();
    }
}
