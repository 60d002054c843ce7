using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;

namespace CoupDePousse.Tests.Features.Cases;

/// <summary>The database columns hold exactly what the domain lets a person write: each length comes from <see cref="TextLimits"/>.</summary>
public class TextColumnTests(SharedDatabase shared) : IClassFixture<SharedDatabase>
{
    public static TheoryData<Type, string, int> Columns => new()
    {
        { typeof(CoachingCase), nameof(CoachingCase.Description), TextLimits.Description },
        { typeof(CoachingCase), nameof(CoachingCase.WorkImpact), TextLimits.WorkImpact },
        { typeof(CoachingCase), nameof(CoachingCase.WishedTiming), TextLimits.WishedTiming },
        { typeof(CoachingCase), nameof(CoachingCase.ClosingSummary), TextLimits.ClosingSummary },
        { typeof(CoachingCase), nameof(CoachingCase.CancellationReason), TextLimits.CancellationReason },
        { typeof(Referral), nameof(Referral.Note), TextLimits.ReferralNote },
        { typeof(CriterionVerdict), nameof(CriterionVerdict.Comment), TextLimits.VerdictComment },
        { typeof(Objective), nameof(Objective.Statement), TextLimits.ObjectiveText },
        { typeof(Objective), nameof(Objective.SuccessMeasure), TextLimits.ObjectiveText },
        { typeof(ObjectiveDraft), nameof(ObjectiveDraft.Statement), TextLimits.ObjectiveText },
        { typeof(ObjectiveDraft), nameof(ObjectiveDraft.SuccessMeasure), TextLimits.ObjectiveText },
        { typeof(BudgetExtension), nameof(BudgetExtension.Comment), TextLimits.ExtensionComment },
        { typeof(SessionNote), nameof(SessionNote.Text), TextLimits.SessionNote },
    };

    [Theory]
    [MemberData(nameof(Columns))]
    public void Each_text_column_is_as_long_as_the_domains_limit_for_it(Type entity, string property, int limit)
    {
        using var db = shared.Database.CreateDbContext();

        // Referral is owned by the case: its entity type is found through the case's navigation.
        var entityType = entity == typeof(Referral)
            ? db.Model.FindEntityType(typeof(CoachingCase))!.FindNavigation(nameof(CoachingCase.Referral))!.TargetEntityType
            : db.Model.FindEntityType(entity);

        entityType.Should().NotBeNull("{0} is mapped", entity.Name);
        var column = entityType!.FindProperty(property);
        column.Should().NotBeNull("{0}.{1} is mapped", entity.Name, property);
        column!.GetMaxLength().Should().Be(limit);
    }
}
