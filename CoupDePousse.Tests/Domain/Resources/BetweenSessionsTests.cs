using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Resources;
using CoupDePousse.Tests.TestSupport;
using FluentAssertions;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Domain.Resources;

/// <summary>Resources and action items are between the beneficiary and the case's intervener only, from acceptance while the engagement runs.</summary>
public class BetweenSessionsTests
{
    private static readonly Actor[] Others = [Hr, Manager, Admin, OtherIntervener, OtherBeneficiary];

    private static LibraryResource Resource() => LibraryResource.Create(Admin, LibraryResourceInputs.Sample, Now).ShouldSucceed();

    [Fact]
    public void The_case_intervener_shares_an_active_resource_once()
    {
        var coachingCase = InSessions();
        var resource = Resource();

        var shared = ResourceShare.Share(coachingCase, Intervener, resource, [], Now).ShouldSucceed();

        shared.CaseId.Should().Be(coachingCase.Id);
        shared.ResourceId.Should().Be(resource.Id);
        shared.SharedById.Should().Be(IntervenerId);
        ResourceShare.Share(coachingCase, Intervener, resource, [resource.Id], Now).Error.Should().Be(ResourceErrors.AlreadyShared);
    }

    [Fact]
    public void Nobody_but_the_case_intervener_shares_a_resource()
    {
        var coachingCase = InSessions();
        var resource = Resource();

        Guid[] none = [];

        Others.Append(Beneficiary).Should().OnlyContain(actor => ResourceShare.Share(coachingCase, actor, resource, none, Now).Error == CaseErrors.NotAllowed);
    }

    [Fact]
    public void An_archived_resource_is_not_shared()
    {
        var resource = Resource();
        resource.Archive(Admin, true, Now).ShouldSucceed();

        ResourceShare.Share(InSessions(), Intervener, resource, [], Now).Error.Should().Be(ResourceErrors.Archived);
    }

    [Fact]
    public void Nothing_is_shared_or_set_before_acceptance_nor_after_the_end()
    {
        foreach (var coachingCase in new[] { WithIntervener(), InterviewHeld(), Closed(), Cancelled() })
        {
            ResourceShare.Share(coachingCase, Intervener, Resource(), [], Now).IsFailure.Should().BeTrue("nothing is shared in state {0}", coachingCase.State);
            ActionItem.Add(coachingCase, Beneficiary, "Lire le chapitre 2", null, Now).IsFailure.Should().BeTrue("nothing is set in state {0}", coachingCase.State);
        }

        BetweenSessions.MayRead(WithIntervener(), Beneficiary).Should().BeFalse("before acceptance there is nothing between sessions");
        BetweenSessions.MayRead(Closed(), Beneficiary).Should().BeTrue("an ended case stays readable by its two parties");
        BetweenSessions.MayRead(Closed(), Intervener).Should().BeTrue();
        ActionItem.Add(Closed(), Intervener, "Trop tard", null, Now).Error.Should().Be(ResourceErrors.NotOpen);
    }

    [Fact]
    public void Both_parties_set_action_items_from_acceptance_on_and_nobody_else()
    {
        foreach (var coachingCase in new[] { Accepted(), ObjectivesSet(), InSessions() })
        {
            ActionItem.Add(coachingCase, Intervener, "Noter trois situations", Today.AddDays(7), Now).ShouldSucceed().Author.Should().Be(ActionItemAuthor.Intervener);
            ActionItem.Add(coachingCase, Beneficiary, "Relire mes notes", null, Now).ShouldSucceed().Author.Should().Be(ActionItemAuthor.Beneficiary);
            Others.Should().OnlyContain(actor => ActionItem.Add(coachingCase, actor, "Texte", null, Now).Error == CaseErrors.NotAllowed);
            Others.Should().OnlyContain(actor => !BetweenSessions.MayRead(coachingCase, actor));
        }
    }

    [Fact]
    public void An_action_item_needs_a_short_text_and_a_due_date_ahead()
    {
        var coachingCase = InSessions();

        ActionItem.Add(coachingCase, Intervener, "  ", null, Now).Error.Should().Be(ResourceErrors.ActionItemRequired);
        ActionItem.Add(coachingCase, Intervener, new string('a', TextLimits.ActionItem + 1), null, Now).Error!.Code.Should().Be(CaseErrors.TextTooLong.Code);
        ActionItem.Add(coachingCase, Intervener, "Lire", Today.AddDays(-3), Now).Error.Should().Be(ResourceErrors.DueDateInPast);
        ActionItem.Add(coachingCase, Intervener, "  Lire  ", Today, Now).ShouldSucceed().Text.Should().Be("Lire");
    }

    [Fact]
    public void Only_the_beneficiary_ticks_an_item_off_and_back()
    {
        var coachingCase = InSessions();
        var item = ActionItem.Add(coachingCase, Intervener, "Préparer l’entretien", null, Now).ShouldSucceed();

        item.MarkDone(coachingCase, Intervener, true, Now).Error.Should().Be(CaseErrors.NotAllowed);
        Others.Should().OnlyContain(actor => item.MarkDone(coachingCase, actor, true, Now).Error == CaseErrors.NotAllowed);
        item.IsDone.Should().BeFalse();

        item.MarkDone(coachingCase, Beneficiary, true, Now).ShouldSucceed();
        item.DoneAt.Should().Be(Now);
        item.MarkDone(coachingCase, Beneficiary, true, Now.AddHours(1)).ShouldSucceed();
        item.DoneAt.Should().Be(Now, "ticking twice keeps the first time");
        item.MarkDone(coachingCase, Beneficiary, false, Now).ShouldSucceed();
        item.IsDone.Should().BeFalse();
    }

    [Fact]
    public void Each_side_edits_and_deletes_its_own_items_only()
    {
        var coachingCase = InSessions();
        var intervenerItem = ActionItem.Add(coachingCase, Intervener, "Lire le chapitre 2", null, Now).ShouldSucceed();
        var beneficiaryItem = ActionItem.Add(coachingCase, Beneficiary, "Parler à Paul", null, Now).ShouldSucceed();

        intervenerItem.Edit(coachingCase, Beneficiary, "Autre", null, Now).Error.Should().Be(CaseErrors.NotAllowed);
        beneficiaryItem.Edit(coachingCase, Intervener, "Autre", null, Now).Error.Should().Be(CaseErrors.NotAllowed);
        intervenerItem.CanDelete(coachingCase, Beneficiary).Error.Should().Be(CaseErrors.NotAllowed);
        beneficiaryItem.CanDelete(coachingCase, Intervener).Error.Should().Be(CaseErrors.NotAllowed);
        intervenerItem.Text.Should().Be("Lire le chapitre 2");

        intervenerItem.Edit(coachingCase, Intervener, "Lire les chapitres 2 et 3", Today.AddDays(3), Now).ShouldSucceed();
        intervenerItem.Text.Should().Be("Lire les chapitres 2 et 3");
        intervenerItem.DueOn.Should().Be(Today.AddDays(3));
        beneficiaryItem.CanDelete(coachingCase, Beneficiary).ShouldSucceed();
    }

    [Fact]
    public void An_item_of_another_case_is_never_changed_through_this_one()
    {
        var item = ActionItem.Add(InSessions(), Intervener, "Lire", null, Now).ShouldSucceed();

        item.Edit(InSessions(), Intervener, "Autre", null, Now).Error.Should().Be(CaseErrors.NotAllowed);
        item.MarkDone(InSessions(), Beneficiary, true, Now).Error.Should().Be(CaseErrors.NotAllowed);
    }
}

internal static class LibraryResourceInputs
{
    public static LibraryResourceInput Sample => LibraryResourceTests.Input();
}
