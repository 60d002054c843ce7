using System.Net;
using System.Text.RegularExpressions;
using CoupDePousse.App.Security;

namespace CoupDePousse.Tests.Features.Accounts;

public class HeadersTests(ProductionAppFactory factory) : IClassFixture<ProductionAppFactory>
{
    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/not-found")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        var response = await factory.CreateClient().GetAsync(path, TestContext.Current.CancellationToken);

        var headers = response.Headers;
        var policy = headers.GetValues("Content-Security-Policy").Should().ContainSingle().Subject;
        var nonce = Regex.Match(policy, "'nonce-([^']+)'").Groups[1].Value;
        policy.Should().Be(Hardening.ContentSecurityPolicy(nonce));
        headers.GetValues("X-Content-Type-Options").Single().Should().Be("nosniff");
        headers.GetValues("Referrer-Policy").Single().Should().Be("no-referrer");
        headers.GetValues("Permissions-Policy").Single().Should().Contain("camera=()");
        headers.GetValues("X-Frame-Options").Single().Should().Be("DENY");
        headers.GetValues("Strict-Transport-Security").Single().Should().Contain("max-age=");
    }

    [Fact]
    public async Task Each_page_gets_its_own_nonce_and_only_the_import_map_carries_it()
    {
        var client = factory.CreateClient();
        var first = await client.GetAsync("/Account/Login", TestContext.Current.CancellationToken);
        var second = await client.GetAsync("/Account/Login", TestContext.Current.CancellationToken);
        var nonce = Regex.Match(first.Headers.GetValues("Content-Security-Policy").Single(), "'nonce-([^']+)'").Groups[1].Value;

        nonce.Should().HaveLength(32);
        second.Headers.GetValues("Content-Security-Policy").Single().Should().NotContain(nonce);
        var html = await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Regex.Matches(html, "<script[^>]*nonce=\"([^\"]+)\"").Select(m => m.Groups[1].Value).Should().Equal(nonce);
        html.Should().Contain($"<script type=\"importmap\" nonce=\"{nonce}\"");
    }

    [Fact]
    public void The_content_security_policy_allows_no_eval_no_inline_script_and_no_framing()
    {
        var policy = Hardening.ContentSecurityPolicy("abc");
        var directives = policy.Split(';', StringSplitOptions.TrimEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d[(d.IndexOf(' ') + 1)..]);

        policy.Should().NotContain("unsafe-eval");
        directives["script-src"].Should().Be("'self' 'nonce-abc'", "no 'unsafe-inline' for scripts");
        directives["frame-ancestors"].Should().Be("'none'");
        directives["object-src"].Should().Be("'none'");
    }

    [Fact]
    public async Task The_antiforgery_cookie_is_secure_http_only_and_strict_outside_development()
    {
        var response = await factory.CreateClient().GetAsync("/Account/Login", TestContext.Current.CancellationToken);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).ToLowerInvariant();
        cookie.Should().Contain("secure").And.Contain("httponly").And.Contain("samesite=strict");
    }
}

public class ProxyTests(BehindProxyAppFactory factory) : IClassFixture<BehindProxyAppFactory>
{
    [Fact]
    public async Task Behind_a_tls_proxy_the_app_knows_the_request_was_https()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        var response = await factory.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.OK, "no redirect to HTTPS: the proxy already speaks it");
        response.Headers.GetValues("Strict-Transport-Security").Should().ContainSingle();
    }
}

public class DemoOutsideDevelopmentTests
{
    [Fact]
    public void Demo_data_asked_for_outside_development_stops_the_start_with_a_clear_message()
    {
        using var factory = new ProductionWithDemoAppFactory();

        var start = () => factory.CreateClient();

        start.Should().Throw<InvalidOperationException>().WithMessage("*Demo:Seed*Production*Development*");
    }
}
