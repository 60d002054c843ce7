using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Common;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Programme;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.App.Features.Cases;

/// <summary>
/// Runs one command on one case: load it in a short-lived context, refuse it as "not found" when the
/// actor may not reach it, refuse it when the case changed since the actor saw it, call the domain,
/// save under the case's concurrency token. Every refusal is logged without any case text.
/// </summary>
public sealed class CaseCommandRunner(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, ILogger<CaseCommandRunner> logger)
{
    /// <summary>What a <see cref="SecurityEventKind.ConflictOverridden"/> event names for a conflict the intervener declared, where a detected one names its relations.</summary>
    public const string DeclaredByIntervener = "DeclaredByIntervener";

    /// <summary>The key of the PostgreSQL lock that serializes the commands committing an intervener's capacity or the envelopes' money (decision 045).</summary>
    public const long CommitmentsLockKey = 0x436450436f6d6d74; // "CdPCommt"

    public async Task<Result> RunAsync(Actor actor, Guid caseId, int? expectedVersion, CaseCommand command, CancellationToken cancellationToken = default)
    {
        var attempt = await AttemptAsync(actor, caseId, expectedVersion, command, cancellationToken);
        if (attempt.LostRace && command.Trigger.CommutesWithOthers())
        {
            // Someone saved between this load and this save: decide once more on the case as it now stands (decision 045).
            attempt = await AttemptAsync(actor, caseId, expectedVersion, command, cancellationToken);
        }

        if (attempt.Result.IsFailure)
        {
            return Refuse(actor, caseId, command, attempt.Result.Error!);
        }

        logger.LogInformation("{Trigger} on case {CaseId} by user {UserId} ({Role})", command.Trigger, caseId, actor.UserId, actor.Role);
        return Result.Success();
    }

    private readonly record struct Attempt(Result Result, bool LostRace = false);

    private async Task<Attempt> AttemptAsync(Actor actor, Guid caseId, int? expectedVersion, CaseCommand command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // A command that takes a place in an intervener's capacity or money from an envelope counts and writes under one lock.
        await using var serialized = command is ICommitsBudget ? await SerializeCommitmentsAsync(db, cancellationToken) : null;
        var coachingCase = await db.LoadCaseAsync(caseId, cancellationToken);
        var visibility = coachingCase is null ? null : CaseVisibility.For(actor, coachingCase);
        if (coachingCase is null || visibility is not { CanReach: true })
        {
            return new(AppErrors.NotFound);
        }

        // Past this point the actor reaches the case: a proposer hears one neutral refusal, not even that it changed.
        // A version moved only by other people's independent changes does not refuse a command that commutes with them.
        if (expectedVersion is { } seen && !coachingCase.MayApplyOver(seen, actor, command.Trigger))
        {
            return new(visibility.Refusal(CaseErrors.Concurrency));
        }

        var appliedOver = expectedVersion is { } shown && shown != coachingCase.Version;
        var now = clock.GetLocalNow();
        var commitment = command is ICommitsBudget ? await CaseCommitmentCentsAsync(db, coachingCase, cancellationToken) : 0;
        var result = await ApplyAsync(db, coachingCase, actor, command, now, cancellationToken);
        if (result.IsSuccess && command is ICommitsBudget budgeted)
        {
            result = await CheckEnvelopeAsync(db, coachingCase, actor, budgeted, commitment, now, cancellationToken);
        }

        if (result.IsFailure)
        {
            // Over a case that moved since the person saw it, a refusal means the case is no longer what they acted on.
            return new(visibility.Refusal(appliedOver ? CaseErrors.Concurrency : result.Error!));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            if (serialized is not null)
            {
                await serialized.CommitAsync(cancellationToken);
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(visibility.Refusal(CaseErrors.Concurrency), LostRace: true);
        }

        return new(Result.Success());
    }

    /// <summary>
    /// Opens the transaction that counts and writes commitments one at a time: on SQLite a write transaction from the start
    /// (Microsoft.Data.Sqlite begins it IMMEDIATE), so a second one waits before it counts; on PostgreSQL a lock held until commit.
    /// </summary>
    private static async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> SerializeCommitmentsAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [CommitmentsLockKey], cancellationToken);
        }

        return transaction;
    }

    private static async Task<Result> ApplyAsync(AppDbContext db, CoachingCase c, Actor actor, CaseCommand command, DateTimeOffset now, CancellationToken cancellationToken) =>
        command switch
        {
            AssignIntervenerCommand assign => await AssignAsync(db, c, actor, assign, now, cancellationToken),
            SetBudgetCommand budget => c.SetBudget(actor, budget.Minutes, await db.BudgetBoundsAsync(cancellationToken), now),
            DeclareNoConflictCommand => c.DeclareNoConflict(actor, now),
            DeclareConflictCommand declare => c.DeclareConflict(actor, declare.Description, now),
            OverrideDeclaredConflictCommand overriding => OverrideDeclaredConflict(db, c, actor, overriding, now),
            AgreeToMeetCommand => c.AgreeToMeet(actor, now),
            DeclineCommand => c.Decline(actor, now),
            WithdrawCommand => c.Withdraw(actor, now),
            CancelCommand cancel => c.Cancel(actor, cancel.Reason, now),
            RecordInterviewCommand interview => c.RecordInterview(actor, interview.Date, interview.DurationMinutes, now),
            ContinueCommand => c.Continue(actor, now),
            StopCommand => c.Stop(actor, now),
            RecordVerdictCommand verdict => c.RecordVerdict(actor, verdict.Criterion, verdict.Validated, verdict.Comment, now, await db.AgreementTermsAsync(cancellationToken)),
            RuleAcceptCommand => c.RuleAccept(actor, now, await db.AgreementTermsAsync(cancellationToken)),
            RuleDeclineCommand => c.RuleDecline(actor, now),
            ExcludeCommand exclude => c.Exclude(actor, new Referral(exclude.Kind, exclude.Note ?? ""), now),
            DraftObjectivesCommand drafts => c.DraftObjectives(actor, drafts.Objectives, now),
            SetObjectivesCommand objectives => c.SetObjectives(actor, objectives.Objectives, objectives.StartingScores, now),
            ShareObjectivesCommand share => c.ShareObjectives(actor, share.Share, now),
            RateObjectivesCommand ratings => c.RateObjectives(actor, ratings.Assessments, now),
            RateSatisfactionCommand satisfaction => c.RateSatisfaction(actor, satisfaction.Score, satisfaction.Comment, now),
            LogSessionCommand session => c.LogSession(actor, session.Date, session.DurationMinutes, session.Mode, now),
            RequestExtensionCommand extension => c.RequestExtension(actor, extension.Minutes, extension.Category, extension.Comment, now),
            ApproveExtensionCommand => c.ApproveExtension(actor, now),
            RejectExtensionCommand => c.RejectExtension(actor, now),
            CloseCommand close => c.Close(actor, close.Summary, now),
            DraftCompanyTextCommand text => c.DraftCompanyText(actor, text.Text, now),
            ApproveCompanyTextCommand => c.ApproveCompanyText(actor, now),
            WithdrawCompanyTextApprovalCommand => c.WithdrawCompanyTextApproval(actor, now),
            AcceptAgreementCommand => c.AcceptAgreement(actor, now),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown case command"),
        };

    private static async Task<Result> AssignAsync(AppDbContext db, CoachingCase c, Actor actor, AssignIntervenerCommand command, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Who may assign is the domain's rule; checked first so that a refused role learns nothing about interveners.
        var allowed = c.CanPerform(actor, CaseTrigger.AssignIntervener);
        if (allowed.IsFailure)
        {
            return allowed;
        }

        var candidate = (await db.IntervenerCandidatesAsync(c.Id, command.IntervenerId, cancellationToken)).SingleOrDefault();
        if (candidate is null)
        {
            return AppErrors.NotAnIntervener;
        }

        var beneficiary = await db.BeneficiaryOfAsync(c.BeneficiaryId, cancellationToken);
        var assigned = c.AssignIntervener(actor, candidate, beneficiary.ManagerId, now, command.ConflictOverrideReason);
        if (assigned.IsSuccess && candidate.KnownConflicts.Count > 0)
        {
            // Saved with the case, in the same transaction: the relations and HR's reason, never any case text.
            db.SecurityEvents.Add(new SecurityEvent(now.ToUniversalTime(), SecurityEventKind.ConflictOverridden, actor.UserId, candidate.Profile.UserId,
                string.Join(", ", candidate.KnownConflicts), command.ConflictOverrideReason!.Trim()));
        }

        return assigned;
    }

    /// <summary>What the case holds of its year's envelope as it stands (decision 031): nothing before it is accepted.</summary>
    private static async Task<long> CaseCommitmentCentsAsync(AppDbContext db, CoachingCase c, CancellationToken cancellationToken) =>
        Money.CostCents(await RateOfAsync(db, c.IntervenerId, cancellationToken), EnvelopeFigures.CommittedMinutes(c.State, c.Hours.TotalMinutes, c.Hours.UsedMinutes));

    private static async Task<int> RateOfAsync(AppDbContext db, string? intervenerId, CancellationToken cancellationToken) =>
        intervenerId is null ? 0 : await db.IntervenerProfiles.AsNoTracking().Where(p => p.UserId == intervenerId).Select(p => p.HourlyRateCents).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// After an assignment or an approved extension (decision 034): the case will hold its whole budget with extensions at
    /// its intervener's rate; if that brings the committed amount of its year past the company's envelope or its department's,
    /// the command is refused unless HR confirmed it, and a confirmation goes to the security audit in the same save, amounts only.
    /// </summary>
    private static async Task<Result> CheckEnvelopeAsync(AppDbContext db, CoachingCase c, Actor actor, ICommitsBudget command, long caseNowCents, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var caseAfterCents = EnvelopeCommitment.AcceptedCaseCents(await RateOfAsync(db, c.IntervenerId, cancellationToken), c.Hours.TotalMinutes, c.Hours.UsedMinutes);
        if (caseAfterCents <= caseNowCents)
        {
            return Result.Success();
        }

        var year = c.ProposedAt.UtcDateTime.Year;
        var company = await db.EnvelopeAsync(year, cancellationToken);
        var department = c.Department is { Length: > 0 } name
            ? (await db.DepartmentEnvelopesAsync(year, cancellationToken)).SingleOrDefault(d => d.Department == name)
            : null;
        if (company is null && department is null)
        {
            return Result.Success();
        }

        var cases = await db.EnvelopeCasesAsync(year, cancellationToken);
        var today = DateOnly.FromDateTime(now.DateTime);
        var excesses = new[]
        {
            company is null ? null : EnvelopeCommitment.Check(company, EnvelopeFigures.Compute(company, cases, today).CommittedCents, caseNowCents, caseAfterCents),
            department is null ? null : EnvelopeCommitment.Check(department,
                EnvelopeFigures.Compute(department, cases.Where(g => g.Department == department.Department), today).CommittedCents, caseNowCents, caseAfterCents),
        }.OfType<EnvelopeExcess>().ToList();
        if (excesses.Count == 0)
        {
            return Result.Success();
        }

        if (!command.ConfirmOverEnvelope)
        {
            return EnvelopeCommitment.WouldExceed(excesses);
        }

        // Saved with the case, in the same transaction: which trigger on which case, and the amounts; never any case text.
        db.SecurityEvents.Add(new SecurityEvent(now.ToUniversalTime(), SecurityEventKind.EnvelopeExceededConfirmed, actor.UserId, c.IntervenerId,
            FormattableString.Invariant($"trigger={((CaseCommand)command).Trigger}; case={c.Id}"),
            // A department's committed amount may be withheld by the small-group rule: the admin reading the trail gets its envelope only.
            string.Join(" | ", excesses.Select(e => e.Department is null
                ? FormattableString.Invariant($"year={e.Year}; envelope={e.EnvelopeCents}; committed={e.CommittedCents}")
                : FormattableString.Invariant($"year={e.Year}; department={e.Department}; envelope={e.EnvelopeCents}")))));
        return Result.Success();
    }

    private static Result OverrideDeclaredConflict(AppDbContext db, CoachingCase c, Actor actor, OverrideDeclaredConflictCommand command, DateTimeOffset now)
    {
        var intervenerId = c.IntervenerId;
        var overridden = c.OverrideDeclaredConflict(actor, command.Reason, now);
        if (overridden.IsSuccess)
        {
            // Like an override at assignment, in the same save: that a declared conflict was let go, and HR's reason; never the intervener's words.
            db.SecurityEvents.Add(new SecurityEvent(now.ToUniversalTime(), SecurityEventKind.ConflictOverridden, actor.UserId, intervenerId,
                DeclaredByIntervener, command.Reason.Trim()));
        }

        return overridden;
    }

    private Result Refuse(Actor actor, Guid caseId, CaseCommand command, Error error) =>
        logger.LogRefusal(actor, command.Trigger.ToString(), error, caseId);
}
