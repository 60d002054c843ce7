using CoupDePousse.Domain.Common;

namespace CoupDePousse.Tests.Domain.Common;

public class ResultTests
{
    private static readonly Error Refused = new("test.refused", "Refusé.", "Refused.");

    [Fact]
    public void Map_turns_a_success_into_another_value()
    {
        Result<int>.Success(2).Map(n => n * 10).Value.Should().Be(20);
    }

    [Fact]
    public void Map_keeps_a_failure_and_never_calls_the_mapping()
    {
        var called = false;

        var mapped = Result<int>.Failure(Refused).Map(n => { called = true; return n.ToString(System.Globalization.CultureInfo.InvariantCulture); });

        mapped.Error.Should().Be(Refused);
        called.Should().BeFalse();
    }
}
