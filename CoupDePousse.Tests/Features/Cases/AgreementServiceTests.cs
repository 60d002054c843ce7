using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Cases;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;
using CoupDePousse.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Cases;

/// <summary>The three-way agreement through the app: its three parties read and accept it, anyone else finds nothing.</summary>
public class AgreementServiceTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Who.Beneficiary, CaseRelation.Beneficiary)]
    [InlineData(Who.Intervener, CaseRelation.Intervener)]
    [InlineData(Who.Hr, CaseRelation.Company)]
    public async Task Each_of_the_three_parties_reads_the_agreement_and_who_it_waits_on(Who who, CaseRelation relation)
    {
        await using var database = await TestDatabase.CreateAsync();
        var stored = await database.SaveAsync(Accepted());

        var view = (await database.Agreements().GetAsync(Of(who), stored.Id, cancellationToken: Token))!;

        view.Relation.Should().Be(relation);
        view.Versions.Should().ContainSingle().Which.Number.Should().Be(1);
        view.Awaiting.Should().Equal(AgreementParty.Beneficiary, AgreementParty.Intervener, AgreementParty.Company);
        view.InForce.Should().BeFalse();
        view.CanAccept.Should().BeTrue();
        view.Sections.Select(s => s.Kind).Should().Equal(Enum.GetValues<AgreementSectionKind>());
    }

    [Theory]
    [InlineData(Who.Manager)]
    [InlineData(Who.OtherManager)]
    [InlineData(Who.Admin)]
    [InlineData(Who.OtherIntervener)]
    [InlineData(Who.OtherBeneficiary)]
    public async Task Anyone_else_finds_no_agreement_as_for_a_missing_case(Who who)
    {
        await using var database = await TestDatabase.CreateAsync();
        var stored = await database.SaveAsync(InSessions());

        (await database.Agreements().GetAsync(Of(who), stored.Id, cancellationToken: Token)).Should().BeNull();
        (await database.Agreements().GetAsync(Of(who), Guid.NewGuid(), cancellationToken: Token)).Should().BeNull();
        (await database.Agreements().AcceptAsync(Of(who), stored.Id, stored.Version, Token)).Error!.Code
            .Should().Be(who == Who.Manager ? CaseErrors.NoLongerWithdrawable.Code : App.Features.Common.AppErrors.NotFound.Code);
    }

    [Fact]
    public async Task A_case_not_yet_accepted_has_no_agreement_to_read()
    {
        await using var database = await TestDatabase.CreateAsync();
        var stored = await database.SaveAsync(UnderDiscussion());

        (await database.Agreements().GetAsync(Hr, stored.Id, cancellationToken: Token)).Should().BeNull();
    }

    [Fact]
    public async Task The_three_acceptances_put_it_in_force_and_an_amendment_keeps_the_earlier_version_readable()
    {
        await using var database = await TestDatabase.CreateAsync();
        var stored = await database.SaveAsync(Accepted());
        var agreements = database.Agreements();
        foreach (var actor in new[] { Beneficiary, Intervener, Hr })
        {
            var seen = (await agreements.GetAsync(actor, stored.Id, cancellationToken: Token))!;
            (await agreements.AcceptAsync(actor, stored.Id, seen.CaseVersion, Token)).ShouldSucceed();
        }

        var inForce = (await agreements.GetAsync(Hr, stored.Id, cancellationToken: Token))!;
        inForce.InForce.Should().BeTrue();
        inForce.CanAccept.Should().BeFalse();
        inForce.Current.Acceptances.Select(a => a.Party).Should().Equal(AgreementParty.Beneficiary, AgreementParty.Intervener, AgreementParty.Company);

        (await database.Cases().PerformAsync(Hr, stored.Id, inForce.CaseVersion, new SetBudgetCommand(240), Token)).ShouldSucceed();

        var amended = (await agreements.GetAsync(Beneficiary, stored.Id, cancellationToken: Token))!;
        amended.Versions.Select(v => v.Number).Should().Equal(1, 2);
        amended.Awaiting.Should().Equal(AgreementParty.Beneficiary);
        amended.CanAccept.Should().BeTrue();
        (await agreements.GetAsync(Intervener, stored.Id, cancellationToken: Token))!.CanAccept.Should().BeFalse("the intervener accepted the agreement once");
        var first = (await agreements.GetAsync(Beneficiary, stored.Id, 1, Token))!;
        first.ShowsCurrent.Should().BeFalse();
        first.Shown.BudgetMinutes.Should().Be(360);
        (await agreements.GetAsync(Beneficiary, stored.Id, 7, Token)).Should().BeNull();
    }

    [Fact]
    public async Task A_stale_version_of_the_case_is_refused_like_any_command()
    {
        await using var database = await TestDatabase.CreateAsync();
        var stored = await database.SaveAsync(Accepted());

        (await database.Agreements().AcceptAsync(Beneficiary, stored.Id, stored.Version - 1, Token)).Error!.Code.Should().Be(CaseErrors.Concurrency.Code);
        (await database.LoadAsync(stored.Id)).AgreementAcceptances.Should().BeEmpty();
    }

    [Fact]
    public async Task A_case_accepted_in_the_app_copies_the_admins_terms_of_the_day()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateDbContext())
        {
            var settings = new BudgetSettings();
            settings.Apply(new AgreementTerms("Exception définie par l’admin.", "Exception set by the admin.", "Code interne v3"));
            db.BudgetSettings.Add(settings);
            await db.SaveChangesAsync(Token);
        }

        var coachingCase = Continued();
        ValidateAll(coachingCase, Party.Company);
        var criteria = AcceptanceCriteria.OwnedBy(Party.Intervener).ToList();
        foreach (var criterion in criteria.SkipLast(1))
        {
            coachingCase.RecordVerdict(Intervener, criterion, true, null, Now).ShouldSucceed();
        }

        var stored = await database.SaveAsync(coachingCase);
        (await database.Cases().PerformAsync(Intervener, stored.Id, stored.Version, new RecordVerdictCommand(criteria[^1], true, null), Token)).ShouldSucceed();

        var loaded = await database.LoadAsync(stored.Id);
        loaded.State.Should().Be(CaseState.Accepted);
        loaded.CurrentAgreement!.CodeOfEthics.Should().Be("Code interne v3");
        loaded.CurrentAgreement.ConfidentialityExceptionsEnglish.Should().Be("Exception set by the admin.");
    }

    [Fact]
    public async Task An_engaged_case_stored_before_the_agreement_gets_version_one_with_nothing_accepted_at_start()
    {
        await using var database = await TestDatabase.CreateAsync();
        var engaged = await database.SaveAsync(InSessions());
        var closed = await database.SaveAsync(Closed());
        await using (var db = database.CreateDbContext())
        {
            // As a case stored before agreements existed: none drawn up, facts of the previous revision.
            await db.Set<AgreementAcceptance>().ExecuteDeleteAsync(Token);
            await db.Set<AgreementVersion>().ExecuteDeleteAsync(Token);
            await db.Cases.ExecuteUpdateAsync(s => s.SetProperty(c => c.FactsRevision, 1), Token);

            await CaseFacts.RefreshStaleAsync(db, Token);
        }

        var upgraded = await database.LoadAsync(engaged.Id);
        upgraded.AgreementVersions.Should().ContainSingle().Which.Reason.Should().Be(AgreementReason.Initial);
        upgraded.AgreementAcceptances.Should().BeEmpty();
        upgraded.AgreementInForce.Should().BeFalse();
        upgraded.FactsAreCurrent.Should().BeTrue();
        (await database.LoadAsync(closed.Id)).AgreementVersions.Should().BeEmpty("an ended case has nothing left to agree on");
    }
}
