using System.Reflection;
using CoupDePousse.Domain.Cases;
using NetArchTest.Rules;

namespace CoupDePousse.Tests.Architecture;

/// <summary>The app layer is a tree: features sit on Data, Security, Features.Common and the domain, never on each other.</summary>
public class ArchitectureTests
{
    private const string Features = "CoupDePousse.App.Features";
    private const string Common = Features + ".Common";

    private static readonly Assembly App = typeof(Program).Assembly;

    /// <summary>Every feature folder, found from the types themselves, so that a new feature is held to the rule at once.</summary>
    private static readonly IReadOnlyList<string> FeatureNamespaces = App.GetTypes()
        .Select(t => t.Namespace)
        .OfType<string>()
        .Where(n => n.StartsWith(Features + ".", StringComparison.Ordinal) && n != Common)
        .Select(n => string.Join('.', n.Split('.').Take(4)))
        .Distinct()
        .Order()
        .ToList();

    public static TheoryData<string> FeatureNames => new(FeatureNamespaces.Select(n => n[(Features.Length + 1)..]));

    [Fact]
    public void The_app_has_the_features_the_architecture_describes()
    {
        FeatureNamespaces.Should().Equal($"{Features}.Administration", $"{Features}.Cases", $"{Features}.Meetings", $"{Features}.Notifications", $"{Features}.Pipeline", $"{Features}.Preferences", $"{Features}.Reminders", $"{Features}.Reports", $"{Features}.Statements");
    }

    [Theory]
    [MemberData(nameof(FeatureNames))]
    public void A_feature_depends_on_no_other_feature(string feature)
    {
        var others = FeatureNamespaces.Where(n => n != $"{Features}.{feature}").ToArray();

        var result = Types.InAssembly(App).That().ResideInNamespace($"{Features}.{feature}")
            .ShouldNot().HaveDependencyOnAny(others).GetResult();

        result.FailingTypeNames.Should().BeNullOrEmpty("feature {0} may use Data, Security, Features.Common and the domain, never another feature", feature);
    }

    [Theory]
    [InlineData(Common)]
    [InlineData("CoupDePousse.App.Data")]
    [InlineData("CoupDePousse.App.Security")]
    [InlineData("CoupDePousse.App.Mail")]
    public void Shared_layers_depend_on_no_feature(string layer)
    {
        var result = Types.InAssembly(App).That().ResideInNamespace(layer).ShouldNot().HaveDependencyOnAny(FeatureNamespaces.ToArray()).GetResult();

        result.FailingTypeNames.Should().BeNullOrEmpty("{0} sits below every feature", layer);
    }

    [Fact]
    public void Data_and_security_depend_on_nothing_of_the_features_folder()
    {
        var result = Types.InAssembly(App).That().ResideInNamespace("CoupDePousse.App.Data")
            .Or().ResideInNamespace("CoupDePousse.App.Security")
            .ShouldNot().HaveDependencyOn(Common).GetResult();

        result.FailingTypeNames.Should().BeNullOrEmpty();
    }

    [Fact]
    public void The_domain_references_nothing_but_the_base_library_and_stateless()
    {
        var references = typeof(CoachingCase).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        references.Should().OnlyContain(name => name == "System.Runtime" || name.StartsWith("System.", StringComparison.Ordinal) || name == "Stateless",
            "the domain is pure C#: no ASP.NET, no EF Core, no app code");
        references.Should().Contain("Stateless");
    }
}
