namespace CoupDePousse.Tests.Domain;

public class SmokeTests
{
    [Fact]
    public void Builds() => true.Should().BeTrue();
}
