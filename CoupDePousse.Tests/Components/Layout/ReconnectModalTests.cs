using Bunit;
using CoupDePousse.App.Components.Layout;
using CoupDePousse.Tests.TestSupport;

namespace CoupDePousse.Tests.Components.Layout;

/// <summary>Decision 046: the reconnection dialog says, in the page's language, that the server is away, that it keeps trying, and that the page reloads.</summary>
public class ReconnectModalTests : MudTestContext
{
    [Theory]
    [InlineData("fr-FR", "Le serveur ne répond plus : il redémarre peut-être. Reconnexion en cours…", "Le serveur ne répond pas encore. Nouvel essai dans",
        "Nouvel essai automatique toutes les quelques secondes : la page reviendra d'elle-même.", "Le serveur est de retour : la page se recharge…", "Réessayer maintenant")]
    [InlineData("en-GB", "The server stopped answering: it may be restarting. Reconnecting…", "The server is not answering yet. Trying again in",
        "Trying again automatically every few seconds: the page will come back by itself.", "The server is back: reloading the page…", "Try again now")]
    public void Each_state_is_said_in_the_page_language(string culture, string rejoining, string retrying, string failed, string reloading, string retryNow)
    {
        UseCulture(culture);

        var modal = Render<ReconnectModal>();

        Text(modal, "reconnect-rejoining").Should().Be(rejoining);
        Text(modal, "reconnect-retrying").Should().StartWith(retrying);
        Text(modal, "reconnect-failed").Should().EndWith(failed, "a server away for long is still retried, without a click");
        Text(modal, "reconnect-reloading").Should().Be(reloading);
        Text(modal, "reconnect-retry").Should().Be(retryNow);
    }

    private static string Text(IRenderedComponent<ReconnectModal> modal, string testId) =>
        modal.Find($"[data-testid={testId}]").TextContent.Trim();
}
