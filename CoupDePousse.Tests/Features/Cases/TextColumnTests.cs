using CoupDePousse.App.Data;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CoupDePousse.Tests.Features.Cases;

/// <summary>
/// Plain text columns hold exactly what the domain lets a person write (each length from <see cref="TextLimits"/>);
/// confidential ones are encrypted with their own purpose, in columns wide enough for the ciphertext.
/// </summary>
public class TextColumnTests(SharedDatabase shared) : IClassFixture<SharedDatabase>
{
    public static TheoryData<Type, string, int> PlainColumns => new()
    {
        { typeof(CoachingCase), nameof(CoachingCase.WorkImpact), TextLimits.WorkImpact },
        { typeof(CoachingCase), nameof(CoachingCase.WishedTiming), TextLimits.WishedTiming },
        { typeof(CoupDePousse.Domain.Resources.LibraryResource), nameof(CoupDePousse.Domain.Resources.LibraryResource.TitleFrench), TextLimits.ResourceTitle },
        { typeof(CoupDePousse.Domain.Resources.LibraryResource), nameof(CoupDePousse.Domain.Resources.LibraryResource.SummaryEnglish), TextLimits.ResourceSummary },
        { typeof(CoupDePousse.Domain.Resources.LibraryResource), nameof(CoupDePousse.Domain.Resources.LibraryResource.Link), TextLimits.ResourceLink },
    };

    public static TheoryData<Type, string, string> ConfidentialColumns => new()
    {
        { typeof(CoachingCase), nameof(CoachingCase.Description), ConfidentialText.Request },
        { typeof(CoachingCase), nameof(CoachingCase.ClosingSummary), ConfidentialText.ClosingSummary },
        { typeof(CoachingCase), nameof(CoachingCase.CompanyTextDraft), ConfidentialText.CompanyText },
        { typeof(CoachingCase), nameof(CoachingCase.ApprovedCompanyText), ConfidentialText.CompanyText },
        { typeof(CoachingCase), nameof(CoachingCase.SatisfactionComment), ConfidentialText.SatisfactionComment },
        { typeof(CoachingCase), nameof(CoachingCase.CancellationReason), ConfidentialText.CancellationReason },
        { typeof(CoachingCase), nameof(CoachingCase.ConflictDescription), ConfidentialText.ConflictDescription },
        { typeof(Referral), nameof(Referral.Note), ConfidentialText.ReferralNote },
        { typeof(CriterionVerdict), nameof(CriterionVerdict.Comment), ConfidentialText.VerdictComment },
        { typeof(Objective), nameof(Objective.Statement), ConfidentialText.Objective },
        { typeof(Objective), nameof(Objective.SuccessMeasure), ConfidentialText.Objective },
        { typeof(ObjectiveDraft), nameof(ObjectiveDraft.Statement), ConfidentialText.Objective },
        { typeof(ObjectiveDraft), nameof(ObjectiveDraft.SuccessMeasure), ConfidentialText.Objective },
        { typeof(ObjectiveInput), nameof(ObjectiveInput.Statement), ConfidentialText.Objective },
        { typeof(ObjectiveInput), nameof(ObjectiveInput.SuccessMeasure), ConfidentialText.Objective },
        { typeof(BudgetExtension), nameof(BudgetExtension.Comment), ConfidentialText.ExtensionComment },
        { typeof(SessionNote), nameof(SessionNote.Text), ConfidentialText.SessionNote },
        { typeof(JournalEntry), nameof(JournalEntry.Text), ConfidentialText.JournalEntry },
        { typeof(CoupDePousse.Domain.Resources.ActionItem), nameof(CoupDePousse.Domain.Resources.ActionItem.Text), ConfidentialText.ActionItem },
        { typeof(CoupDePousse.Domain.Meetings.Meeting), nameof(CoupDePousse.Domain.Meetings.Meeting.Place), ConfidentialText.MeetingPlace },
        { typeof(CoupDePousse.Domain.Meetings.Meeting), nameof(CoupDePousse.Domain.Meetings.Meeting.Link), ConfidentialText.MeetingPlace },
    };

    [Theory]
    [MemberData(nameof(PlainColumns))]
    public void Each_plain_text_column_is_as_long_as_the_domains_limit_for_it(Type entity, string property, int limit)
    {
        using var db = shared.Database.CreateDbContext();

        Column(db, entity, property).GetMaxLength().Should().Be(limit);
    }

    [Theory]
    [MemberData(nameof(ConfidentialColumns))]
    public void Each_confidential_column_is_encrypted_with_its_purpose_and_unbounded(Type entity, string property, string purpose)
    {
        using var db = shared.Database.CreateDbContext();

        var column = Column(db, entity, property);
        column.GetValueConverter().Should().BeOfType<ConfidentialTextConverter>().Which.Purpose.Should().Be(purpose);
        column.GetMaxLength().Should().BeNull("the ciphertext is several times longer than the text; the domain checks the text's length");
    }

    [Fact]
    public void No_other_column_is_marked_confidential()
    {
        using var db = shared.Database.CreateDbContext();

        ConfidentialText.Properties(db.Model).Should().HaveCount(ConfidentialColumns.Count());
    }

    private static IProperty Column(AppDbContext db, Type entity, string property)
    {
        // Referral is owned by the case, and ObjectiveInput by a revision: found through their navigations.
        var entityType = entity == typeof(Referral)
            ? db.Model.FindEntityType(typeof(CoachingCase))!.FindNavigation(nameof(CoachingCase.Referral))!.TargetEntityType
            : entity == typeof(ObjectiveInput)
                ? db.Model.FindEntityType(typeof(ObjectiveRevision))!.FindNavigation(nameof(ObjectiveRevision.Objectives))!.TargetEntityType
                : db.Model.FindEntityType(entity);

        entityType.Should().NotBeNull("{0} is mapped", entity.Name);
        var column = entityType!.FindProperty(property);
        column.Should().NotBeNull("{0}.{1} is mapped", entity.Name, property);
        return column!;
    }
}
