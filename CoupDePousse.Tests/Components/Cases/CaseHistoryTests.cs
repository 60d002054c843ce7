using Bunit;
using CoupDePousse.App.Features.Cases;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;
using CoupDePousse.Tests.TestSupport;

namespace CoupDePousse.Tests.Components.Cases;

/// <summary>The history tells each line from its typed detail; HR's cancellation reason comes from the case.</summary>
public class CaseHistoryTests : MudTestContext
{
    private static HistoryEntry Entry(CaseTrigger trigger, TransitionDetail detail) =>
        new(CaseBuilder.Now, "Hélène RH", Role.HR, CaseState.InSessions, CaseState.InSessions, trigger, detail);

    private IReadOnlyList<string> Lines(string? cancellationReason, params HistoryEntry[] entries)
    {
        var cut = Render<CaseHistory>(parameters => parameters
            .Add(p => p.Entries, entries)
            .Add(p => p.CancellationReason, cancellationReason));
        return cut.FindAll("[data-testid=history-entry] .mud-typography-body2").Select(line => line.TextContent).Reverse().ToList();
    }

    [Fact]
    public void Each_detail_is_told_in_words()
    {
        var lines = Lines(
            null,
            Entry(CaseTrigger.RecordVerdict, TransitionDetail.Verdict(AcceptanceCriterion.PersonInvolved, false)),
            Entry(CaseTrigger.RecordVerdict, TransitionDetail.Verdict(AcceptanceCriterion.FitsShortFormat, true)),
            Entry(CaseTrigger.SetObjectives, TransitionDetail.Revision(2)),
            Entry(CaseTrigger.ShareObjectives, TransitionDetail.Sharing(true)),
            Entry(CaseTrigger.ShareObjectives, TransitionDetail.Sharing(false)),
            Entry(CaseTrigger.SetBudget, TransitionDetail.Duration(270)),
            Entry(CaseTrigger.LogSession, TransitionDetail.Duration(45)),
            Entry(CaseTrigger.Continue, TransitionDetail.None));

        lines.Should().Equal(
            "Avis sur un critère — critère 5 : refusé",
            "Avis sur un critère — critère 1 : validé",
            "Objectifs fixés — version 2",
            "Partage des objectifs — partagés avec l’entreprise",
            "Partage des objectifs — non partagés",
            "Forfait fixé — 4 h 30",
            "Séance — 45 min",
            "Le bénéficiaire continue");
    }

    [Fact]
    public void The_cancellation_shows_hr_s_reason_when_the_reader_may_see_it()
    {
        var cancel = Entry(CaseTrigger.Cancel, TransitionDetail.None);

        Lines("Réorganisation du service", cancel).Should().Equal("Dossier annulé — Réorganisation du service");
        Lines(null, cancel).Should().Equal("Dossier annulé");
    }
}
