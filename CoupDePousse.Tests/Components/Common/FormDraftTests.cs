using Bunit;
using CoupDePousse.App.Features.Common;
using CoupDePousse.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Components.Common;

/// <summary>Decision 046: unsent text kept in the tab's sessionStorage for a restart, only as ciphertext of this user and this form.</summary>
public sealed class FormDraftTests : FeaturePageContext
{
    private const string Key = "cdp-draft:journal:1";
    private const string Secret = "Mon manager me met la pression, je dors mal.";

    [Fact]
    public void The_browser_only_ever_holds_ciphertext_and_an_emptied_form_clears_it()
    {
        SignInAs(Beneficiary);
        JSInterop.Setup<string?>("sessionStorage.getItem", Key).SetResult(null);

        var draft = Render<FormDraft>(parameters => parameters.Add(d => d.Name, "journal:1").Add(d => d.Value, ""));
        draft.Render(parameters => parameters.Add(d => d.Value, Secret));

        var saved = JSInterop.VerifyInvoke("sessionStorage.setItem");
        saved.Arguments[0].Should().Be(Key);
        saved.Arguments[1].Should().BeOfType<string>().Which.Should().NotContain("pression", "confidential text never reaches browser storage in plain");

        draft.Render(parameters => parameters.Add(d => d.Value, ""));
        JSInterop.VerifyInvoke("sessionStorage.removeItem").Arguments[0].Should().Be(Key, "a sent (emptied) form leaves no draft");
    }

    [Fact]
    public async Task A_draft_comes_back_to_its_author_after_a_reload_and_to_nobody_else()
    {
        var auth = AddAuthorization().SignIn(Beneficiary.Role.ToString(), id: Beneficiary.UserId);
        await Services.GetRequiredService<FormDrafts>().SaveAsync("journal:1", Secret);
        var ciphertext = (string)JSInterop.VerifyInvoke("sessionStorage.setItem").Arguments[1]!;
        JSInterop.Setup<string?>("sessionStorage.getItem", Key).SetResult(ciphertext);

        var restored = new List<string>();
        Render<FormDraft>(parameters => parameters.Add(d => d.Name, "journal:1").Add(d => d.OnRestore, (string text) => restored.Add(text)));
        restored.Should().Equal([Secret], "the new page of the same person gets the text back");

        auth.SignIn(Intervener.Role.ToString(), id: Intervener.UserId);
        (await Services.GetRequiredService<FormDrafts>().LoadAsync("journal:1")).Should().BeNull("another person signed in this tab cannot read it");
        (await Services.GetRequiredService<FormDrafts>().LoadAsync("journal:2")).Should().BeNull();
        JSInterop.VerifyInvoke("sessionStorage.removeItem").Arguments[0].Should().Be(Key, "a draft nobody may read is dropped");
    }
}
