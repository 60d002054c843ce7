using CoupDePousse.Tests.TestSupport;

namespace CoupDePousse.Tests.Features.Accounts;

public class TotpTests
{
    // RFC 6238 appendix B, SHA-1 seed "12345678901234567890", last six digits of the eight-digit values.
    [Theory]
    [InlineData(59, "287082")]
    [InlineData(1111111109, "081804")]
    [InlineData(1234567890, "005924")]
    [InlineData(2000000000, "279037")]
    public void The_test_authenticator_matches_the_rfc_vectors(long unixSeconds, string expected)
    {
        var key = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

        Totp.Code(key, DateTimeOffset.FromUnixTimeSeconds(unixSeconds)).Should().Be(expected);
    }

    [Fact]
    public void Base32_ignores_spaces_and_case_as_the_page_shows_the_key()
    {
        Totp.Base32Decode("gezd gnbv gy3t qojq").Should().Equal(Totp.Base32Decode("GEZDGNBVGY3TQOJQ"));
    }
}
