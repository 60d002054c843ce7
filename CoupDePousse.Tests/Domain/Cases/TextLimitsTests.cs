using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Domain.Cases;

/// <summary>Every text a person writes is held to its named limit: exactly the limit passes, one character more is refused.</summary>
public class TextLimitsTests
{
    public enum Field
    {
        Description,
        WorkImpact,
        WishedTiming,
        VerdictComment,
        ReferralNote,
        ObjectiveStatement,
        ObjectiveSuccessMeasure,
        DraftStatement,
        DraftSuccessMeasure,
        ExtensionComment,
        SessionNote,
        ClosingSummary,
        CancellationReason,
    }

    public static TheoryData<Field> Fields => new(Enum.GetValues<Field>());

    [Theory]
    [MemberData(nameof(Fields))]
    public void A_text_of_exactly_its_limit_is_accepted(Field field)
    {
        Write(field, new string('a', LimitOf(field))).ShouldSucceed();
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public void A_text_one_character_over_its_limit_is_refused_and_the_message_names_the_limit(Field field)
    {
        var limit = LimitOf(field);

        var result = Write(field, new string('a', limit + 1));

        result.ShouldBeRefusedWith(CaseErrors.TextTooLong);
        result.Error!.English.Should().Contain(limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public void Spaces_around_a_text_do_not_count_against_its_limit(Field field)
    {
        Write(field, "  " + new string('a', LimitOf(field)) + "  ").ShouldSucceed();
    }

    private static int LimitOf(Field field) => field switch
    {
        Field.Description => TextLimits.Description,
        Field.WorkImpact => TextLimits.WorkImpact,
        Field.WishedTiming => TextLimits.WishedTiming,
        Field.VerdictComment => TextLimits.VerdictComment,
        Field.ReferralNote => TextLimits.ReferralNote,
        Field.ObjectiveStatement or Field.ObjectiveSuccessMeasure or Field.DraftStatement or Field.DraftSuccessMeasure => TextLimits.ObjectiveText,
        Field.ExtensionComment => TextLimits.ExtensionComment,
        Field.SessionNote => TextLimits.SessionNote,
        Field.ClosingSummary => TextLimits.ClosingSummary,
        Field.CancellationReason => TextLimits.CancellationReason,
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    private static Result Write(Field field, string text)
    {
        switch (field)
        {
            case Field.Description:
                return CoachingCase.Propose(Manager, CaseBuilder.BeneficiaryRef, Proposal() with { Description = text }, BudgetBounds.Default, Now);
            case Field.WorkImpact:
                return CoachingCase.Propose(Manager, CaseBuilder.BeneficiaryRef, Proposal() with { WorkImpact = text }, BudgetBounds.Default, Now);
            case Field.WishedTiming:
                return CoachingCase.Propose(Manager, CaseBuilder.BeneficiaryRef, Proposal() with { WishedTiming = text }, BudgetBounds.Default, Now);
            case Field.VerdictComment:
                return Continued().RecordVerdict(Hr, AcceptanceCriterion.AffectsWork, false, text, Now);
            case Field.ReferralNote:
                return InterviewHeld().Exclude(Intervener, new Referral(ReferralKind.Other, text), Now);
            case Field.ObjectiveStatement:
                return Accepted().SetObjectives(Beneficiary, [new(text, "Mesure")], [4], Now);
            case Field.ObjectiveSuccessMeasure:
                return Accepted().SetObjectives(Beneficiary, [new("Objectif", text)], [4], Now);
            case Field.DraftStatement:
                return Accepted().DraftObjectives(Intervener, [new(text, "Mesure")], Now);
            case Field.DraftSuccessMeasure:
                return Accepted().DraftObjectives(Intervener, [new("Objectif", text)], Now);
            case Field.ExtensionComment:
                return InSessions().RequestExtension(Intervener, 60, ExtensionCategory.MoreSessionsNeeded, text, Now);
            case Field.SessionNote:
                var inSessions = InSessions();
                return inSessions.WriteSessionNote(Intervener, inSessions.Sessions[0].Id, text, Now);
            case Field.ClosingSummary:
                return InSessions().Close(Intervener, text, Now);
            case Field.CancellationReason:
                return WithIntervener().Cancel(Hr, text, Now);
            default:
                throw new ArgumentOutOfRangeException(nameof(field));
        }
    }
}
