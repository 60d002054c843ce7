using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Domain.Cases;

public class VisibilityTests
{
    private static readonly string[] CaseContent =
    [
        nameof(CaseVisibility.SeesCompanyRequest), nameof(CaseVisibility.SeesSituation), nameof(CaseVisibility.SeesExactState), nameof(CaseVisibility.SeesOutcome),
        nameof(CaseVisibility.SeesHistory), nameof(CaseVisibility.SeesHours), nameof(CaseVisibility.SeesSessions),
        nameof(CaseVisibility.SeesCompanyVerdicts), nameof(CaseVisibility.SeesIntervenerVerdicts),
        nameof(CaseVisibility.SeesIntervenerVerdictComments), nameof(CaseVisibility.SeesObjectives),
        nameof(CaseVisibility.SeesObjectiveDrafts), nameof(CaseVisibility.SeesObjectiveHistory),
        nameof(CaseVisibility.SeesReferral), nameof(CaseVisibility.SeesClosingSummary), nameof(CaseVisibility.SeesExtensions),
        nameof(CaseVisibility.SeesCancellationReason), nameof(CaseVisibility.SeesAgreement),
    ];

    /// <summary>The names of every permission the visibility grants, read by reflection so that a new one cannot slip through.</summary>
    private static List<string> Granted(CaseVisibility visibility) =>
        typeof(CaseVisibility).GetProperties()
            .Where(p => p.PropertyType == typeof(bool) && p.Name != nameof(CaseVisibility.ObjectivesSharedWithCompany))
            .Where(p => (bool)p.GetValue(visibility)!)
            .Select(p => p.Name)
            .ToList();

    private static CaseVisibility VisibilityOf(Who who, CoachingCase coachingCase) => CaseVisibility.For(Of(who), coachingCase);

    [Theory]
    [InlineData(Who.Beneficiary, CaseRelation.Beneficiary)]
    [InlineData(Who.Intervener, CaseRelation.Intervener)]
    [InlineData(Who.Hr, CaseRelation.Company)]
    [InlineData(Who.Manager, CaseRelation.Proposer)]
    [InlineData(Who.OtherManager, CaseRelation.None)]
    [InlineData(Who.OtherIntervener, CaseRelation.None)]
    [InlineData(Who.Admin, CaseRelation.None)]
    [InlineData(Who.OtherBeneficiary, CaseRelation.None)]
    public void Each_user_stands_in_one_relation_to_a_case(Who who, CaseRelation relation)
    {
        CaseVisibility.RelationOf(Of(who), InSessions()).Should().Be(relation);
    }

    [Fact]
    public void The_beneficiary_sees_everything_of_their_case_but_keeps_no_session_notes()
    {
        var granted = Granted(VisibilityOf(Who.Beneficiary, Closed()));

        granted.Should().Contain(CaseContent).And.Contain(nameof(CaseVisibility.CanReach));
        granted.Should().NotContain(nameof(CaseVisibility.MayKeepSessionNotes));
        granted.Should().NotContain(nameof(CaseVisibility.SeesOnlyCoarseStatus));
        granted.Should().NotContain(nameof(CaseVisibility.SeesExtensionComments), "the intervener's comment on an extension is addressed to HR");
    }

    [Fact]
    public void The_assigned_intervener_sees_the_case_and_alone_keeps_session_notes()
    {
        var granted = Granted(VisibilityOf(Who.Intervener, Closed()));

        granted.Should().Contain(CaseContent).And.Contain(nameof(CaseVisibility.CanReach)).And.Contain(nameof(CaseVisibility.MayKeepSessionNotes))
            .And.Contain(nameof(CaseVisibility.SeesExtensionComments), "the intervener wrote them");
        granted.Should().NotContain(nameof(CaseVisibility.SeesOnlyCoarseStatus));
    }

    [Fact]
    public void Hr_sees_the_company_view_with_cost_but_no_intervener_comments_referral_summary_or_objectives()
    {
        var granted = Granted(VisibilityOf(Who.Hr, Closed()));

        granted.Should().Contain(new[]
        {
            nameof(CaseVisibility.CanReach), nameof(CaseVisibility.SeesCompanyRequest), nameof(CaseVisibility.SeesExactState),
            nameof(CaseVisibility.SeesHours), nameof(CaseVisibility.SeesCost), nameof(CaseVisibility.SeesExtensions),
            nameof(CaseVisibility.SeesExtensionComments),
            nameof(CaseVisibility.SeesCompanyVerdicts), nameof(CaseVisibility.SeesIntervenerVerdicts),
            nameof(CaseVisibility.SeesCancellationReason), nameof(CaseVisibility.SeesAgreement),
        });
        granted.Should().NotContain(new[]
        {
            nameof(CaseVisibility.SeesSituation), nameof(CaseVisibility.SeesIntervenerVerdictComments), nameof(CaseVisibility.SeesReferral),
            nameof(CaseVisibility.SeesClosingSummary), nameof(CaseVisibility.SeesObjectives),
            nameof(CaseVisibility.SeesObjectiveDrafts), nameof(CaseVisibility.SeesObjectiveHistory),
            nameof(CaseVisibility.MayKeepSessionNotes), nameof(CaseVisibility.SeesOnlyCoarseStatus),
        });
    }

    [Fact]
    public void Hr_sees_the_objectives_only_while_the_beneficiary_shares_them()
    {
        var coachingCase = ObjectivesSet();
        VisibilityOf(Who.Hr, coachingCase).SeesObjectives.Should().BeFalse();

        coachingCase.ShareObjectives(Beneficiary, true, Now).ShouldSucceed();
        var shared = VisibilityOf(Who.Hr, coachingCase);
        shared.SeesObjectives.Should().BeTrue();
        shared.SeesObjectiveDrafts.Should().BeFalse("consent covers the objectives set, not the drafts");
        shared.SeesObjectiveHistory.Should().BeFalse();

        coachingCase.ShareObjectives(Beneficiary, false, Now).ShouldSucceed();
        VisibilityOf(Who.Hr, coachingCase).SeesObjectives.Should().BeFalse();
    }

    [Fact]
    public void Sharing_the_objectives_shows_them_to_hr_only_not_to_the_manager()
    {
        var coachingCase = ObjectivesSet();
        coachingCase.ShareObjectives(Beneficiary, true, Now).ShouldSucceed();

        VisibilityOf(Who.Manager, coachingCase).SeesObjectives.Should().BeFalse();
        VisibilityOf(Who.Admin, coachingCase).SeesObjectives.Should().BeFalse();
    }

    [Theory]
    [InlineData(CaseStep.Proposed)]
    [InlineData(CaseStep.InSessions)]
    [InlineData(CaseStep.Declined)]
    [InlineData(CaseStep.Closed)]
    public void The_manager_who_proposed_sees_only_the_coarse_status(CaseStep step)
    {
        // Plus the closing text the beneficiary approved word for word, which exists only once approved.
        Granted(VisibilityOf(Who.Manager, At(step))).Should().BeEquivalentTo(
            nameof(CaseVisibility.CanReach), nameof(CaseVisibility.SeesOnlyCoarseStatus), nameof(CaseVisibility.SeesApprovedCompanyText));
    }

    [Theory]
    [InlineData(CaseState.Proposed, CoarseStatus.Proposed)]
    [InlineData(CaseState.PreliminaryInterview, CoarseStatus.InProgress)]
    [InlineData(CaseState.UnderDiscussion, CoarseStatus.InProgress)]
    [InlineData(CaseState.Accepted, CoarseStatus.InProgress)]
    [InlineData(CaseState.ObjectivesSet, CoarseStatus.InProgress)]
    [InlineData(CaseState.InSessions, CoarseStatus.InProgress)]
    [InlineData(CaseState.Closed, CoarseStatus.Ended)]
    [InlineData(CaseState.Declined, CoarseStatus.Ended)]
    [InlineData(CaseState.Cancelled, CoarseStatus.Ended)]
    public void The_coarse_status_says_only_proposed_in_progress_or_ended(CaseState state, CoarseStatus coarse)
    {
        state.ToCoarseStatus().Should().Be(coarse);
    }

    [Fact]
    public void A_manager_learns_nothing_of_why_a_case_ended()
    {
        var declined = Declined();
        var stopped = InterviewHeld();
        stopped.Stop(Beneficiary, Now).ShouldSucceed();
        var excluded = InterviewHeld();
        excluded.Exclude(Intervener, new Referral(ReferralKind.OccupationalHealth, "Médecine du travail"), Now).ShouldSucceed();

        new[] { declined, stopped, excluded }.Select(c => c.State.ToCoarseStatus()).Should().AllBeEquivalentTo(CoarseStatus.Ended);
        new[] { declined, stopped, excluded }.Select(c => VisibilityOf(Who.Manager, c)).Should()
            .OnlyContain(v => !v.SeesOutcome && !v.SeesExactState && !v.SeesReferral && !v.SeesHistory);
    }

    [Theory]
    [InlineData(Who.Beneficiary, true)]
    [InlineData(Who.Intervener, true)]
    [InlineData(Who.Hr, true)]
    [InlineData(Who.Manager, false)]
    [InlineData(Who.Admin, false)]
    public void Hr_s_cancellation_reason_is_read_by_everyone_involved_but_never_the_manager(Who who, bool sees)
    {
        var coachingCase = InterviewHeld();
        coachingCase.Cancel(Hr, "Réorganisation du service", Now).ShouldSucceed();

        VisibilityOf(who, coachingCase).SeesCancellationReason.Should().Be(sees);
    }

    [Theory]
    [InlineData(Who.Beneficiary, true, true)]
    [InlineData(Who.Intervener, true, true)]
    [InlineData(Who.Hr, false, true)]
    [InlineData(Who.Manager, false, false)]
    [InlineData(Who.Admin, false, false)]
    public void The_situation_stays_between_beneficiary_and_intervener_while_hr_reads_the_companys_part(Who who, bool situation, bool companyPart)
    {
        var visibility = VisibilityOf(who, InSessions());

        visibility.SeesSituation.Should().Be(situation);
        visibility.SeesCompanyRequest.Should().Be(companyPart);
    }

    [Theory]
    [InlineData(Who.Beneficiary, true, false)]
    [InlineData(Who.Intervener, true, true)]
    [InlineData(Who.Hr, true, true)]
    [InlineData(Who.Manager, false, false)]
    [InlineData(Who.Admin, false, false)]
    public void An_extensions_category_is_for_everyone_involved_its_comment_for_hr_and_its_author(Who who, bool extensions, bool comments)
    {
        var visibility = VisibilityOf(who, InSessions());

        visibility.SeesExtensions.Should().Be(extensions);
        visibility.SeesExtensionComments.Should().Be(comments);
    }

    [Theory]
    [InlineData(Who.OtherManager)]
    [InlineData(Who.Admin)]
    [InlineData(Who.OtherIntervener)]
    [InlineData(Who.OtherBeneficiary)]
    public void Users_without_a_relation_to_the_case_cannot_reach_it(Who who)
    {
        var coachingCase = Closed();
        coachingCase.ShareObjectives(Beneficiary, true, Now).ShouldSucceed();

        var visibility = VisibilityOf(who, coachingCase);

        visibility.CanReach.Should().BeFalse();
        Granted(visibility).Should().BeEmpty();
    }

    [Fact]
    public void A_replaced_intervener_can_no_longer_reach_the_case()
    {
        var coachingCase = InPreliminaryInterview();
        VisibilityOf(Who.Intervener, coachingCase).CanReach.Should().BeTrue();

        coachingCase.AssignIntervener(Hr, Candidate(OtherIntervenerId), ManagerId, Now).ShouldSucceed();

        VisibilityOf(Who.Intervener, coachingCase).CanReach.Should().BeFalse();
        VisibilityOf(Who.OtherIntervener, coachingCase).Relation.Should().Be(CaseRelation.Intervener);
    }

    [Fact]
    public void The_assigned_intervener_writes_a_private_note_on_a_session_without_touching_the_case()
    {
        var coachingCase = InSessions();
        var session = coachingCase.Sessions[0];
        var (version, count) = (coachingCase.Version, coachingCase.History.Count);

        var result = coachingCase.WriteSessionNote(Intervener, session.Id, "  Très tendu en début de séance.  ", Now);

        result.ShouldSucceed();
        result.Value.CaseId.Should().Be(coachingCase.Id);
        result.Value.SessionId.Should().Be(session.Id);
        result.Value.AuthorId.Should().Be(IntervenerId);
        result.Value.Text.Should().Be("Très tendu en début de séance.");
        coachingCase.Version.Should().Be(version);
        coachingCase.History.Should().HaveCount(count);
    }

    [Theory]
    [InlineData(Who.OtherIntervener)]
    [InlineData(Who.Hr)]
    [InlineData(Who.Beneficiary)]
    [InlineData(Who.Manager)]
    [InlineData(Who.Admin)]
    public void Only_the_assigned_intervener_writes_session_notes(Who who)
    {
        var coachingCase = InSessions();

        coachingCase.ShouldRefuse(() => coachingCase.WriteSessionNote(Of(who), coachingCase.Sessions[0].Id, "Note", Now), RefusalTo(who));
    }

    [Fact]
    public void A_session_note_belongs_to_a_session_of_the_case()
    {
        var coachingCase = InSessions();

        coachingCase.ShouldRefuse(() => coachingCase.WriteSessionNote(Intervener, Guid.NewGuid(), "Note", Now), CaseErrors.UnknownSession);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_session_note_is_refused(string text)
    {
        var coachingCase = InSessions();

        coachingCase.ShouldRefuse(() => coachingCase.WriteSessionNote(Intervener, coachingCase.Sessions[0].Id, text, Now), CaseErrors.NoteRequired);
    }

    [Fact]
    public void Session_notes_are_written_only_while_sessions_run()
    {
        var coachingCase = ObjectivesSet();

        coachingCase.ShouldRefuse(() => coachingCase.WriteSessionNote(Intervener, Guid.NewGuid(), "Note", Now), CaseErrors.WrongState);
    }

    [Fact]
    public void A_session_note_is_readable_by_its_author_alone()
    {
        var coachingCase = InSessions();
        var note = coachingCase.WriteSessionNote(Intervener, coachingCase.Sessions[0].Id, "Note", Now).Value;

        SessionNote.ReadableBy(IntervenerId).Compile()(note).Should().BeTrue();
        new[] { HrId, BeneficiaryId, ManagerId, AdminId, OtherIntervenerId }.Should().OnlyContain(id => !SessionNote.ReadableBy(id).Compile()(note));
    }
}
