using System.Globalization;
using System.Reflection;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Interveners;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Domain.Cases;

public class ErrorsTests
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    private static IEnumerable<(string Name, Error Error)> AllErrors() =>
        new[] { typeof(CaseErrors), typeof(IntervenerErrors), typeof(TextErrors) }
            .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(field => field.FieldType == typeof(Error))
            .Select(field => ($"{field.DeclaringType!.Name}.{field.Name}", (Error)field.GetValue(null)!));

    public static TheoryData<string> ErrorNames => new(AllErrors().Select(e => e.Name));

    [Theory]
    [MemberData(nameof(ErrorNames))]
    public void Every_error_has_a_french_and_an_english_message(string name)
    {
        var error = AllErrors().Single(e => e.Name == name).Error;

        var french = error.Localize(French);
        var english = error.Localize(English);

        french.Should().NotBeNullOrWhiteSpace();
        english.Should().NotBeNullOrWhiteSpace();
        french.Should().NotBe(english, "{0} must speak French to French users", name);
    }

    [Fact]
    public void Every_error_has_its_own_stable_code()
    {
        var errors = AllErrors().Select(e => e.Error).ToList();

        errors.Should().HaveCountGreaterThan(30);
        errors.Select(e => e.Code).Should().OnlyContain(code => !string.IsNullOrWhiteSpace(code)).And.OnlyHaveUniqueItems();
    }

    [Fact]
    public void A_wrong_state_error_names_the_state_in_each_language()
    {
        var coachingCase = WithIntervener();

        var error = coachingCase.Continue(Beneficiary, Now).Error!;

        error.Code.Should().Be(CaseErrors.WrongState.Code);
        error.Localize(French).Should().Contain("« Proposé »");
        error.Localize(English).Should().Contain("“Proposed”");
    }

    [Fact]
    public void Filling_an_error_keeps_its_code_and_fills_both_languages()
    {
        var error = CaseErrors.TooManyObjectives.With(5);

        error.Code.Should().Be(CaseErrors.TooManyObjectives.Code);
        error.French.Should().Contain("5").And.NotContain("{0}");
        error.English.Should().Contain("5").And.NotContain("{0}");
    }

    [Fact]
    public void Every_state_and_outcome_has_a_french_and_an_english_label()
    {
        foreach (var state in Enum.GetValues<CaseState>())
        {
            state.Label(French).Should().NotBeNullOrWhiteSpace();
            state.Label(English).Should().NotBeNullOrWhiteSpace();
        }

        foreach (var outcome in Enum.GetValues<CaseOutcome>())
        {
            outcome.Label(French).Should().NotBe(outcome.Label(English));
        }
    }
}
