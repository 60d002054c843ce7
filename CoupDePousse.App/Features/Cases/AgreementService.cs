using System.Globalization;
using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Common;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.App.Features.Cases;

/// <summary>One party's acceptance as the agreement shows it.</summary>
public sealed record AgreementAcceptanceView(AgreementParty Party, string Name, DateTimeOffset AcceptedAt);

/// <summary>One version of the agreement: when and why it was drawn up, its hours, who accepted it.</summary>
public sealed record AgreementVersionView(int Number, AgreementReason Reason, DateTimeOffset DrawnUpAt, int BudgetMinutes, IReadOnlyList<AgreementAcceptanceView> Acceptances);

/// <summary>
/// The three-way agreement of one case as its three parties read it: every version, the text of the one shown (the current
/// one unless asked), who the agreement still waits on, and whether the reader may accept now.
/// </summary>
public sealed record AgreementView(
    Guid CaseId,
    int CaseVersion,
    CaseRelation Relation,
    string BeneficiaryName,
    string IntervenerName,
    IReadOnlyList<AgreementVersionView> Versions,
    AgreementVersionView Shown,
    IReadOnlyList<AgreementSection> Sections,
    IReadOnlyList<AgreementParty> Awaiting,
    bool InForce,
    bool CanAccept)
{
    public AgreementVersionView Current => Versions[^1];

    public bool ShowsCurrent => Shown.Number == Current.Number;
}

/// <summary>
/// Reads the three-way agreement for its three parties (<see cref="CaseVisibility.SeesAgreement"/>); anyone else, and a case
/// without an agreement, is answered like a missing case. Accepting goes through the case's commands like any operation.
/// </summary>
public sealed class AgreementService(IDbContextFactory<AppDbContext> dbFactory, CaseCommandRunner runner, ILogger<AgreementService> logger)
{
    /// <summary>The agreement, showing <paramref name="versionNumber"/> or the current version; null means "not found".</summary>
    public async Task<AgreementView?> GetAsync(Actor actor, Guid caseId, int? versionNumber = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var coachingCase = await db.Cases.AsNoTracking()
            .Include(c => c.AgreementVersions.OrderBy(v => v.Number))
            .Include(c => c.AgreementAcceptances.OrderBy(a => a.AcceptedAt))
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        var visibility = coachingCase is null ? null : CaseVisibility.For(actor, coachingCase);
        if (coachingCase is null || visibility is not { SeesAgreement: true } || coachingCase.CurrentAgreement is null)
        {
            logger.LogRefusal(actor, "ReadAgreement", AppErrors.NotFound, caseId);
            return null;
        }

        var shown = versionNumber is { } asked ? coachingCase.AgreementVersions.FirstOrDefault(v => v.Number == asked) : coachingCase.CurrentAgreement;
        if (shown is null)
        {
            return null;
        }

        var names = await db.NamesAsync(
            coachingCase.AgreementAcceptances.Select(a => a.UserId).Append(coachingCase.BeneficiaryId).Append(coachingCase.IntervenerId), cancellationToken);
        var versions = coachingCase.AgreementVersions.Select(v => new AgreementVersionView(v.Number, v.Reason, v.DrawnUpAt, v.BudgetMinutes,
            coachingCase.AgreementAcceptances.Where(a => a.VersionNumber == v.Number)
                .Select(a => new AgreementAcceptanceView(a.Party, names.GetValueOrDefault(a.UserId, "?"), a.AcceptedAt)).ToList())).ToList();
        var awaiting = Enum.GetValues<AgreementParty>().Where(p => coachingCase.AgreementAwaiting.HasFlag(CoachingCase.AsParties(p))).ToList();
        return new AgreementView(
            coachingCase.Id,
            coachingCase.Version,
            visibility.Relation,
            names.GetValueOrDefault(coachingCase.BeneficiaryId, "?"),
            names.GetValueOrDefault(coachingCase.IntervenerId ?? "", "?"),
            versions,
            versions.Single(v => v.Number == shown.Number),
            AgreementText.Compose(shown, CultureInfo.CurrentUICulture),
            awaiting,
            coachingCase.AgreementInForce,
            coachingCase.CanPerform(actor, CaseTrigger.AcceptAgreement).IsSuccess);
    }

    /// <summary>The actor accepts the current version, as they saw the case (its version settles a race).</summary>
    public Task<Result> AcceptAsync(Actor actor, Guid caseId, int expectedCaseVersion, CancellationToken cancellationToken = default) =>
        runner.RunAsync(actor, caseId, expectedCaseVersion, new AcceptAgreementCommand(), cancellationToken);
}
