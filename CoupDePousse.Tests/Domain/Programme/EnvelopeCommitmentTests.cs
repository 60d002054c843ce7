using CoupDePousse.Domain.Programme;

namespace CoupDePousse.Tests.Domain.Programme;

public class EnvelopeCommitmentTests
{
    private static readonly ProgrammeEnvelope Company = ProgrammeEnvelope.Create(2026, 10_000_00).Value;

    [Fact]
    public void A_case_accepted_at_a_rate_holds_its_whole_budget_with_extensions_or_what_it_used_if_more()
    {
        EnvelopeCommitment.AcceptedCaseCents(120_00, 8 * 60, 3 * 60).Should().Be(960_00);
        EnvelopeCommitment.AcceptedCaseCents(120_00, 6 * 60, 7 * 60).Should().Be(840_00);
    }

    [Theory]
    [InlineData(9_280_00, 720_00, false)]
    [InlineData(9_280_01, 720_00, true)]
    [InlineData(9_000_00, 720_00, false)]
    [InlineData(10_000_00, 1, true)]
    public void Passing_the_envelope_asks_for_a_confirmation_reaching_it_exactly_does_not(long committed, long added, bool exceeds)
    {
        var excess = EnvelopeCommitment.Check(Company, committed, 0, added);

        if (exceeds)
        {
            excess.Should().Be(new EnvelopeExcess(2026, null, committed + added, 10_000_00));
        }
        else
        {
            excess.Should().BeNull();
        }
    }

    [Fact]
    public void The_case_counts_once_what_it_holds_after_instead_of_what_it_held()
    {
        // An extension on a case holding 720 € of the 9 900 € committed: 9 900 − 720 + 960 = 10 140 € > 10 000 €.
        EnvelopeCommitment.Check(Company, 9_900_00, 720_00, 960_00).Should().Be(new EnvelopeExcess(2026, null, 10_140_00, 10_000_00));
        EnvelopeCommitment.Check(Company, 9_700_00, 720_00, 960_00).Should().BeNull();
    }

    [Fact]
    public void Nothing_is_asked_without_an_envelope_or_when_the_case_holds_no_more_than_before()
    {
        EnvelopeCommitment.Check(null, 50_000_00, 0, 720_00).Should().BeNull();
        EnvelopeCommitment.Check(Company, 12_000_00, 720_00, 600_00).Should().BeNull("a cheaper intervener lowers the committed amount");
        EnvelopeCommitment.Check(Company, 12_000_00, 720_00, 720_00).Should().BeNull();
    }

    [Fact]
    public void A_department_envelope_is_named_in_the_excess_and_the_message_gives_its_envelope_not_its_committed_amount()
    {
        var ventes = ProgrammeEnvelope.ForDepartment(2026, "Ventes", 2_000_00).Value;

        var excess = EnvelopeCommitment.Check(ventes, 1_800_00, 0, 720_00)!;
        var error = EnvelopeCommitment.WouldExceed([excess]);

        excess.Department.Should().Be("Ventes");
        error.Code.Should().Be(EnvelopeCommitment.WouldExceedCode);
        excess.CommittedCents.Should().Be(2_520_00);
        error.English.Should().Contain("Ventes").And.Contain("€2,000.00").And.NotContain("2,520");
        error.French.Should().Contain("Ventes").And.Contain("2\u202f000,00 €").And.NotContain("520");
    }
}
