using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Programme;

namespace CoupDePousse.Tests.Domain.Programme;

public class DepartmentEnvelopesTests
{
    private static readonly DateOnly Today = new(2026, 12, 31);

    private static ProgrammeEnvelope Department(string name, long cents) => ProgrammeEnvelope.ForDepartment(2026, name, cents).Value;

    // 6 h at 100 €/h committed, 1 h logged, per case.
    private static EnvelopeCase Cases(string? department, int cases) => new(CaseState.InSessions, 100_00, 6 * 60, 60, cases, department);

    [Fact]
    public void A_departments_figures_are_the_envelope_figures_of_its_beneficiaries_cases()
    {
        var lines = DepartmentEnvelopes.Compute([Department("Ventes", 10_000_00), Department("Logistique", 5_000_00)],
            [Cases("Ventes", 5), Cases("Logistique", 6), Cases(null, 5)], Today, 5);

        lines.Select(l => l.Department).Should().Equal("Logistique", "Ventes");
        var ventes = lines.Single(l => l.Department == "Ventes").Figures!;
        ventes.Should().Be(EnvelopeFigures.Compute(Department("Ventes", 10_000_00), [Cases("Ventes", 5)], Today));
        ventes.CommittedCents.Should().Be(5 * 600_00);
        ventes.ConsumedCents.Should().Be(5 * 100_00);
        lines.Single(l => l.Department == "Logistique").Figures!.CommittedCents.Should().Be(6 * 600_00);
    }

    [Fact]
    public void A_department_with_fewer_cases_than_the_threshold_shows_its_envelope_but_not_its_figures()
    {
        var lines = DepartmentEnvelopes.Compute([Department("Ventes", 10_000_00), Department("Logistique", 5_000_00)],
            [Cases("Ventes", 4), Cases("Logistique", 6), Cases(null, 5)], Today, 5);

        var ventes = lines.Single(l => l.Department == "Ventes");
        ventes.Withheld.Should().BeTrue();
        ventes.EnvelopeCents.Should().Be(10_000_00);
        lines.Single(l => l.Department == "Logistique").Withheld.Should().BeFalse();
    }

    [Fact]
    public void A_department_without_cases_shows_zero_which_describes_nobody()
    {
        var lines = DepartmentEnvelopes.Compute([Department("Ventes", 10_000_00)], [Cases("Logistique", 7)], Today, 5);

        lines.Single().Figures!.CommittedCents.Should().Be(0);
    }

    [Fact]
    public void The_company_total_minus_the_shown_departments_never_gives_a_small_group()
    {
        // Shown alone, Ventes (6) and Logistique (5) would leave the 2 cases without a department as the company minus them.
        var lines = DepartmentEnvelopes.Compute([Department("Ventes", 10_000_00), Department("Logistique", 5_000_00)],
            [Cases("Ventes", 6), Cases("Logistique", 5), Cases(null, 2)], Today, 5);

        lines.Single(l => l.Department == "Logistique").Withheld.Should().BeTrue("the smallest shown department is withheld with the small rest");
        lines.Single(l => l.Department == "Ventes").Withheld.Should().BeFalse("the rest now holds 7 cases");
    }

    [Fact]
    public void A_withheld_department_is_not_recovered_from_the_company_total()
    {
        // Logistique (3) withheld; with nothing else hidden, company − Ventes would be Logistique: Ventes is withheld too.
        var lines = DepartmentEnvelopes.Compute([Department("Ventes", 10_000_00), Department("Logistique", 5_000_00)],
            [Cases("Ventes", 9), Cases("Logistique", 3)], Today, 5);

        lines.Should().OnlyContain(l => l.Withheld);
    }

    [Fact]
    public void When_the_company_itself_is_a_small_group_no_department_line_shows_figures_not_even_zero()
    {
        // Ventes at zero would say that the company's 3 cases are all Logistique's.
        var lines = DepartmentEnvelopes.Compute([Department("Ventes", 10_000_00), Department("Logistique", 5_000_00)], [Cases("Logistique", 3)], Today, 5);

        lines.Should().OnlyContain(l => l.Withheld);
    }

    [Fact]
    public void Cases_that_hold_nothing_of_the_envelope_do_not_make_a_group_large_enough()
    {
        var nothingHeld = new EnvelopeCase(CaseState.Cancelled, 100_00, 6 * 60, 0, 10, "Ventes");

        var lines = DepartmentEnvelopes.Compute([Department("Ventes", 10_000_00)], [Cases("Ventes", 2), nothingHeld, Cases("Logistique", 8)], Today, 5);

        lines.Single().Withheld.Should().BeTrue();
    }

    [Theory]
    [InlineData(6_000_00, false)]
    [InlineData(5_999_99, true)]
    public void Department_envelopes_adding_up_to_more_than_the_companys_are_flagged(long companyCents, bool exceed)
    {
        var company = ProgrammeEnvelope.Create(2026, companyCents).Value;

        DepartmentEnvelopes.ExceedCompany(company, [Department("Ventes", 4_000_00), Department("Logistique", 2_000_00)]).Should().Be(exceed);
        DepartmentEnvelopes.ExceedCompany(null, [Department("Ventes", 4_000_00)]).Should().BeFalse("without a company envelope there is nothing to pass");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void A_department_envelope_names_its_department(string? name)
    {
        ProgrammeEnvelope.ForDepartment(2026, name, 1_00).Error.Should().Be(ProgrammeEnvelope.InvalidDepartment);
        ProgrammeEnvelope.ForDepartment(2026, new string('x', 101), 1_00).Error.Should().Be(ProgrammeEnvelope.InvalidDepartment);
    }

    [Fact]
    public void A_department_envelope_has_the_companys_bounds()
    {
        ProgrammeEnvelope.ForDepartment(2026, "Ventes", ProgrammeEnvelope.MaxAmountCents + 1).Error.Should().Be(ProgrammeEnvelope.Invalid);
        ProgrammeEnvelope.ForDepartment(2026, "Ventes", -1).Error.Should().Be(ProgrammeEnvelope.Invalid);
        ProgrammeEnvelope.ForDepartment(1999, "Ventes", 1).Error.Should().Be(ProgrammeEnvelope.Invalid);
        ProgrammeEnvelope.ForDepartment(2026, " Ventes ", ProgrammeEnvelope.MaxAmountCents).Value.Department.Should().Be("Ventes");
    }
}
