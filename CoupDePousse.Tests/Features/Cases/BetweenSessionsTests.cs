using CoupDePousse.App.Features.Cases;
using CoupDePousse.App.Features.Common;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Resources;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Cases;

/// <summary>Resources and action items between sessions: the beneficiary and the case's intervener see them; HR, the manager, the admin and any other intervener never.</summary>
public class BetweenSessionsServiceTests
{
    private static readonly Actor[] Company = [Hr, Manager, Admin, OtherIntervener, OtherBeneficiary];

    private static readonly LibraryResourceInput Desc = new(CoachingDomain.ManagementAndCommunication, "difficult-conversations",
        "La méthode DESC", "The DESC method", "Décrire, exprimer, spécifier, conclure.", "Describe, express, specify, conclude.", "https://example.org/desc");

    private static readonly LibraryResourceInput Breathing = new(CoachingDomain.StressAndEmotions, null,
        "Respiration carrée", null, "Quatre temps.", null, null);

    private static async Task<Guid> AddResourceAsync(TestDatabase database, LibraryResourceInput input)
    {
        var token = TestContext.Current.CancellationToken;
        (await database.ResourceLibrary().CreateAsync(Admin, input, token)).ShouldSucceed();
        return (await database.ResourceLibrary().ListAsync(Admin, token)).Value.Single(r => r.TitleFrench == input.TitleFrench).Id;
    }

    [Fact]
    public async Task The_intervener_shares_a_resource_and_sets_an_action_item_the_beneficiary_ticks()
    {
        await using var database = await TestDatabase.CreateAsync();
        var stored = await database.SaveAsync(InSessions());
        var resourceId = await AddResourceAsync(database, Desc);
        var service = database.BetweenSessions();
        var token = TestContext.Current.CancellationToken;

        (await service.ShareAsync(Intervener, stored.Id, resourceId, token)).ShouldSucceed();
        (await service.AddItemAsync(Intervener, stored.Id, "Préparer les faits de l’entretien", Today.AddDays(7), token)).ShouldSucceed();
        (await service.AddItemAsync(Beneficiary, stored.Id, "Relire mes notes", null, token)).ShouldSucceed();
        var mine = (await service.ForCaseAsync(Beneficiary, stored.Id, token)).Should().BeOfType<BeneficiaryBetweenSessionsView>().Subject;
        var item = mine.Items.Single(i => i.Author == ActionItemAuthor.Intervener);
        (await service.SetDoneAsync(Beneficiary, stored.Id, item.Id, true, token)).ShouldSucceed();

        var beneficiaryView = (await service.ForCaseAsync(Beneficiary, stored.Id, token))!;
        beneficiaryView.IsOpen.Should().BeTrue();
        beneficiaryView.Resources.Should().ContainSingle().Which.Should().Match<SharedResourceView>(r => r.Title == "La méthode DESC" && r.Link == "https://example.org/desc");
        beneficiaryView.Items.Should().HaveCount(2);
        beneficiaryView.Items.Single(i => i.Id == item.Id).DoneAt.Should().NotBeNull();
        beneficiaryView.Items.Single(i => i.Id == item.Id).Mine.Should().BeFalse("the intervener wrote it");
        var intervenerView = (await service.ForCaseAsync(Intervener, stored.Id, token)).Should().BeOfType<IntervenerBetweenSessionsView>().Subject;
        intervenerView.Items.Single(i => i.Id == item.Id).Should().Match<ActionItemView>(i => i.DoneAt != null && i.Mine);
        intervenerView.Library.Should().NotContain(c => c.Id == resourceId, "it is already shared");
        (await database.LoadAsync(stored.Id)).Version.Should().Be(stored.Version, "work between sessions is not a change of the case");
    }

    [Fact]
    public async Task Nobody_else_reads_or_changes_anything_between_sessions()
    {
        await using var database = await TestDatabase.CreateAsync();
        var stored = await database.SaveAsync(InSessions());
        var resourceId = await AddResourceAsync(database, Desc);
        var service = database.BetweenSessions();
        var token = TestContext.Current.CancellationToken;
        (await service.ShareAsync(Intervener, stored.Id, resourceId, token)).ShouldSucceed();
        (await service.AddItemAsync(Intervener, stored.Id, "Une action", null, token)).ShouldSucceed();
        var view = (await service.ForCaseAsync(Beneficiary, stored.Id, token))!;
        var itemId = view.Items.Single().Id;
        var sharedId = view.Resources.Single().Id;

        foreach (var actor in Company)
        {
            (await service.ForCaseAsync(actor, stored.Id, token)).Should().BeNull("{0} is not a party to the case", actor.Role);
            (await service.ShareAsync(actor, stored.Id, resourceId, token)).Error.Should().Be(AppErrors.NotFound);
            (await service.WithdrawAsync(actor, stored.Id, sharedId, token)).Error.Should().Be(AppErrors.NotFound);
            (await service.AddItemAsync(actor, stored.Id, "Intrus", null, token)).Error.Should().Be(AppErrors.NotFound);
            (await service.EditItemAsync(actor, stored.Id, itemId, "Intrus", null, token)).Error.Should().Be(AppErrors.NotFound);
            (await service.SetDoneAsync(actor, stored.Id, itemId, true, token)).Error.Should().Be(AppErrors.NotFound);
            (await service.DeleteItemAsync(actor, stored.Id, itemId, token)).Error.Should().Be(AppErrors.NotFound);
        }

        var after = (await service.ForCaseAsync(Beneficiary, stored.Id, token))!;
        after.Items.Should().ContainSingle().Which.Should().Match<ActionItemView>(i => i.Text == "Une action" && i.DoneAt == null);
        after.Resources.Should().ContainSingle();
    }

    [Fact]
    public async Task The_beneficiary_neither_shares_nor_withdraws_and_the_intervener_never_ticks()
    {
        await using var database = await TestDatabase.CreateAsync();
        var stored = await database.SaveAsync(InSessions());
        var resourceId = await AddResourceAsync(database, Desc);
        var service = database.BetweenSessions();
        var token = TestContext.Current.CancellationToken;
        (await service.AddItemAsync(Intervener, stored.Id, "Une action", null, token)).ShouldSucceed();
        var itemId = (await service.ForCaseAsync(Intervener, stored.Id, token))!.Items.Single().Id;

        (await service.ShareAsync(Beneficiary, stored.Id, resourceId, token)).Error.Should().Be(CoupDePousse.Domain.Cases.CaseErrors.NotAllowed);
        (await service.SetDoneAsync(Intervener, stored.Id, itemId, true, token)).Error.Should().Be(CoupDePousse.Domain.Cases.CaseErrors.NotAllowed);
        (await service.EditItemAsync(Beneficiary, stored.Id, itemId, "Changée", null, token)).Error.Should().Be(CoupDePousse.Domain.Cases.CaseErrors.NotAllowed);

        var view = (await service.ForCaseAsync(Beneficiary, stored.Id, token))!;
        view.Resources.Should().BeEmpty();
        view.Items.Single().Should().Match<ActionItemView>(i => i.Text == "Une action" && i.DoneAt == null);
    }

    [Fact]
    public async Task The_intervener_edits_their_item_and_withdraws_a_resource_while_the_engagement_runs()
    {
        await using var database = await TestDatabase.CreateAsync();
        var stored = await database.SaveAsync(InSessions());
        var resourceId = await AddResourceAsync(database, Desc);
        var service = database.BetweenSessions();
        var token = TestContext.Current.CancellationToken;
        (await service.ShareAsync(Intervener, stored.Id, resourceId, token)).ShouldSucceed();
        (await service.AddItemAsync(Intervener, stored.Id, "Lire la fiche", null, token)).ShouldSucceed();
        var before = (await service.ForCaseAsync(Intervener, stored.Id, token))!;

        (await service.EditItemAsync(Intervener, stored.Id, before.Items.Single().Id, "Lire la fiche et l’annoter", Today.AddDays(2), token)).ShouldSucceed();
        (await service.WithdrawAsync(Intervener, stored.Id, before.Resources.Single().Id, token)).ShouldSucceed();

        var after = (await service.ForCaseAsync(Beneficiary, stored.Id, token))!;
        after.Resources.Should().BeEmpty();
        after.Items.Single().Should().Match<ActionItemView>(i => i.Text == "Lire la fiche et l’annoter" && i.DueOn == Today.AddDays(2));
    }

    [Fact]
    public async Task The_library_offers_active_resources_those_of_the_case_first_and_archived_ones_never()
    {
        await using var database = await TestDatabase.CreateAsync();
        var stored = await database.SaveAsync(InSessions());
        var desc = await AddResourceAsync(database, Desc);
        var breathing = await AddResourceAsync(database, Breathing);
        var archived = await AddResourceAsync(database, Desc with { TitleFrench = "Ancienne fiche" });
        var token = TestContext.Current.CancellationToken;
        (await database.ResourceLibrary().ArchiveAsync(Admin, archived, true, token)).ShouldSucceed();
        var service = database.BetweenSessions();

        var view = (IntervenerBetweenSessionsView)(await service.ForCaseAsync(Intervener, stored.Id, token))!;

        view.Library.Select(c => c.Id).Should().Equal(desc, breathing);
        view.Library[0].FitsCase.Should().BeTrue();
        view.Library[1].FitsCase.Should().BeFalse("the case is not about stress");
        (await service.ShareAsync(Intervener, stored.Id, archived, token)).Error.Should().Be(ResourceErrors.Archived);
        (await service.ShareAsync(Intervener, stored.Id, desc, token)).ShouldSucceed();
        (await service.ShareAsync(Intervener, stored.Id, desc, token)).Error.Should().Be(ResourceErrors.AlreadyShared);
    }

    [Fact]
    public async Task A_resource_archived_after_sharing_stays_with_the_beneficiary_in_the_language_it_has()
    {
        await using var database = await TestDatabase.CreateAsync();
        var stored = await database.SaveAsync(InSessions());
        var breathing = await AddResourceAsync(database, Breathing);
        var service = database.BetweenSessions();
        var token = TestContext.Current.CancellationToken;
        (await service.ShareAsync(Intervener, stored.Id, breathing, token)).ShouldSucceed();
        (await database.ResourceLibrary().ArchiveAsync(Admin, breathing, true, token)).ShouldSucceed();

        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en-GB");
            var view = (await service.ForCaseAsync(Beneficiary, stored.Id, token))!;
            view.Resources.Should().ContainSingle().Which.Should().Match<SharedResourceView>(r => r.Title == "Respiration carrée" && r.Summary == "Quatre temps.", "it exists in French only");
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = culture;
        }
    }

    [Fact]
    public async Task Nothing_is_shown_before_acceptance_and_an_ended_case_is_read_only()
    {
        await using var database = await TestDatabase.CreateAsync();
        var early = await database.SaveAsync(WithIntervener());
        var service = database.BetweenSessions();
        var token = TestContext.Current.CancellationToken;

        (await service.ForCaseAsync(Beneficiary, early.Id, token)).Should().BeNull();
        (await service.ForCaseAsync(Intervener, early.Id, token)).Should().BeNull();

        var closed = await database.SaveAsync(Closed());
        var view = (await service.ForCaseAsync(Intervener, closed.Id, token)).Should().BeOfType<IntervenerBetweenSessionsView>().Subject;
        view.IsOpen.Should().BeFalse();
        view.Library.Should().BeEmpty("nothing more is shared on an ended case");
        (await service.AddItemAsync(Beneficiary, closed.Id, "Trop tard", null, token)).Error.Should().Be(ResourceErrors.NotOpen);
    }
}
