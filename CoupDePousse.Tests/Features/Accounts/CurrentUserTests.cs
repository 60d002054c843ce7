using System.Security.Claims;
using CoupDePousse.App.Security;
using Microsoft.AspNetCore.Components.Authorization;

namespace CoupDePousse.Tests.Features.Accounts;

public class CurrentUserTests
{
    private sealed class FixedAuthenticationStateProvider(ClaimsPrincipal principal) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(principal));
    }

    private static ICurrentUser For(params Claim[] claims) =>
        new CurrentUser(new FixedAuthenticationStateProvider(new ClaimsPrincipal(new ClaimsIdentity(claims, claims.Length == 0 ? null : "Test"))));

    [Fact]
    public async Task Gives_the_actor_id_display_name_and_role_from_the_signed_in_principal()
    {
        var currentUser = For(
            new Claim(ClaimTypes.NameIdentifier, "42"),
            new Claim(ClaimTypes.Name, "rh@demo.local"),
            new Claim(ClaimTypes.Role, Roles.HR),
            new Claim(AppClaimTypes.DisplayName, "Camille Martin (RH)"));

        var user = await currentUser.GetRequiredAsync();

        user.Should().Be(new CurrentUserInfo("42", "Camille Martin (RH)", Roles.HR, "rh@demo.local"));
    }

    [Fact]
    public async Task Nobody_is_signed_in_for_an_anonymous_visitor()
    {
        var currentUser = For();

        (await currentUser.GetAsync()).Should().BeNull();
        await currentUser.Invoking(c => c.GetRequiredAsync()).Should().ThrowAsync<InvalidOperationException>();
    }

    [Fact]
    public async Task A_signed_in_account_without_an_application_role_is_not_an_actor()
    {
        var currentUser = For(new Claim(ClaimTypes.NameIdentifier, "42"), new Claim(ClaimTypes.Role, "SomethingElse"));

        (await currentUser.GetAsync()).Should().BeNull();
    }
}
