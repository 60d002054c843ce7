using System.Text;
using CoupDePousse.Domain.Common;
using CoupDePousse.Tests.TestSupport;

namespace CoupDePousse.Tests.Domain.Common;

public class TextTests
{
    public static TheoryData<char> BidiControls => new('\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C');

    [Theory]
    [MemberData(nameof(BidiControls))]
    public void A_name_with_a_bidirectional_control_is_refused(char control)
    {
        Text.Name($"Sophie {control}Lefèvre", 100).ShouldBeRefusedWith(TextErrors.BidiControl);
        Text.Optional($"Ventes{control}", 100).ShouldBeRefusedWith(TextErrors.BidiControl);
    }

    [Fact]
    public void A_name_is_stored_composed_and_trimmed()
    {
        var decomposed = "  Hélène Lefèvre ".Normalize(NormalizationForm.FormD);

        var name = Text.Name(decomposed, 100).ShouldSucceed();

        name.Should().Be("Hélène Lefèvre".Normalize(NormalizationForm.FormC));
        name.IsNormalized(NormalizationForm.FormC).Should().BeTrue();
    }

    [Fact]
    public void The_limit_counts_the_composed_name()
    {
        var decomposed = new string('é', 100).Normalize(NormalizationForm.FormD);

        decomposed.Length.Should().Be(200);
        Text.Name(decomposed, 100).ShouldSucceed();
        Text.Name(new string('a', 101), 100).ShouldBeRefusedWith(TextErrors.TooLong);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_name_is_required_and_an_optional_text_left_blank_is_none(string? blank)
    {
        Text.Name(blank, 100).ShouldBeRefusedWith(TextErrors.NameRequired);
        Text.Optional(blank, 100).ShouldSucceed().Should().BeNull();
    }
}
