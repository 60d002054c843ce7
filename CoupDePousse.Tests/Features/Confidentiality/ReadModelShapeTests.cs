using System.Reflection;
using CoupDePousse.App.Features.Cases;
using CoupDePousse.App.Features.Pipeline;

namespace CoupDePousse.Tests.Features.Confidentiality;

/// <summary>A role that may not see a field gets a model without it: checked on the types themselves, nested types included.</summary>
public class ReadModelShapeTests
{
    public static TheoryData<Type, string[]> ForbiddenByModel => new()
    {
        { typeof(CompanyCaseView), ["Note", "Referral", "ClosingSummary", "Summary", "Situation", "Description", "Score", "Satisfaction"] },
        { typeof(CaseHeader), ["Situation", "Description", "Comment", "Note"] },
        { typeof(ExtensionView), ["Comment", "Reason"] },
        { typeof(PipelineOverview), ["Note", "Referral", "Summary", "Objective", "Comment", "Description", "Score"] },
        { typeof(ProposerCaseView), ["Note", "Referral", "Summary", "Description", "State", "Outcome", "Reason", "History", "Objective", "Verdict", "Intervener", "Score", "Satisfaction"] },
        { typeof(ProposalListItem), ["Note", "Referral", "Summary", "Description", "State", "Outcome", "Reason", "History", "Objective", "Verdict", "Intervener"] },
        { typeof(CaseListItem), ["Note", "Referral", "Summary", "Objective", "Comment", "Description", "Score", "Satisfaction"] },
        { typeof(PipelineRow), ["Score", "Satisfaction", "Measure"] },
        { typeof(EngagementCaseView), ["Notes", "SessionNote"] },
        { typeof(VerdictOutcomeView), ["Comment"] },
        { typeof(PersonalDataExport), ["SessionNote", "Notes", "Token", "Ticket", "Password", "Stamp", "ConflictDescription", "ExtensionComment", "Cost"] },
        // Department lines came with decision 034, their money figures withheld for small groups (DepartmentEnvelopes.Compute).
        { typeof(EnvelopeView), ["Name", "Beneficiary", "Intervener", "Note", "Comment", "Description", "Score"] },
    };

    [Theory]
    [MemberData(nameof(ForbiddenByModel))]
    public void Read_models_have_no_property_for_what_their_role_may_not_see(Type model, string[] forbidden)
    {
        var names = PropertyPaths(model, []).ToList();

        names.Should().NotBeEmpty();
        foreach (var fragment in forbidden)
        {
            names.Should().NotContain(path => Matches(path, fragment), "{0} must not carry anything named like {1}", model.Name, fragment);
        }
    }

    [Theory]
    [InlineData(typeof(CompanyCaseView))]
    [InlineData(typeof(ProposerCaseView))]
    [InlineData(typeof(ProposalListItem))]
    [InlineData(typeof(CaseListItem))]
    [InlineData(typeof(CaseHeader))]
    [InlineData(typeof(PipelineOverview))]
    public void The_company_and_the_proposer_get_nothing_of_the_work_between_sessions(Type model)
    {
        PropertyPaths(model, []).Should().NotContain(path => Matches(path, "Resource") || Matches(path, "ActionItem") || Matches(path, "Between") || Matches(path, "Library"),
            "resources and action items are between the beneficiary and the intervener only (decision 028)");
    }

    [Fact]
    public void The_beneficiary_gets_the_work_between_sessions_without_the_library()
    {
        PropertyPaths(typeof(BeneficiaryBetweenSessionsView), []).Should().NotContain(path => Matches(path, "Library"));
        typeof(IntervenerBetweenSessionsView).GetProperty(nameof(IntervenerBetweenSessionsView.Library)).Should().NotBeNull();
    }

    [Fact]
    public void The_manager_view_holds_who_when_and_a_coarse_status_only()
    {
        // AvailableActions is at most [Withdraw], and only while Proposed: no more than the status says.
        // ApprovedCompanyText is filled only with the text the beneficiary approved word for word.
        typeof(ProposerCaseView).GetProperties().Select(p => p.Name)
            .Should().BeEquivalentTo("Id", "BeneficiaryName", "ProposedAt", "Status", "AvailableActions", "ApprovedCompanyText");
        typeof(ProposalListItem).GetProperties().Select(p => p.Name)
            .Should().BeEquivalentTo("Id", "BeneficiaryName", "ProposedAt", "Status");
    }

    [Fact]
    public void Hr_sees_the_intervener_verdicts_through_a_type_without_comment()
    {
        typeof(CompanyCaseView).GetProperty(nameof(CompanyCaseView.IntervenerVerdicts))!.PropertyType
            .GenericTypeArguments.Should().Equal(typeof(VerdictOutcomeView));
    }

    [Fact]
    public void Hr_reads_the_request_through_the_companys_part_only()
    {
        typeof(CompanyCaseView).GetProperties().Select(p => p.Name).Should().NotContain(nameof(EngagementCaseView.Situation));
        typeof(CaseHeader).GetProperties().Select(p => p.Name).Should().Contain([nameof(CaseHeader.WorkImpact), nameof(CaseHeader.WishedTiming)]);
        typeof(EngagementCaseView).GetProperty(nameof(EngagementCaseView.Situation))!.PropertyType.Should().Be(typeof(string));
    }

    [Fact]
    public void Extensions_reach_the_shared_header_through_a_type_without_comment()
    {
        typeof(CaseHeader).GetProperty(nameof(CaseHeader.Extensions))!.PropertyType
            .GenericTypeArguments.Should().Equal(typeof(ExtensionView));
    }

    private static bool Matches(string path, string fragment) => path.Contains(fragment, StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> PropertyPaths(Type type, HashSet<Type> visited, string prefix = "")
    {
        if (!visited.Add(type))
        {
            yield break;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var path = prefix + property.Name;
            yield return path;
            foreach (var inner in OwnTypes(property.PropertyType))
            {
                foreach (var nested in PropertyPaths(inner, visited, path + "."))
                {
                    yield return nested;
                }
            }
        }
    }

    private static IEnumerable<Type> OwnTypes(Type type)
    {
        if (type.IsGenericType)
        {
            return type.GenericTypeArguments.SelectMany(OwnTypes);
        }

        return type.Namespace?.StartsWith("CoupDePousse", StringComparison.Ordinal) == true && !type.IsEnum ? [type] : [];
    }
}
