using Bunit;
using CoupDePousse.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CoupDePousse.Tests.Components.Common;

/// <summary>MudBlazor's own messages follow the page's language (decision 044): a French form never says "Required".</summary>
public class MudMessagesTests : MudTestContext
{
    private static RenderFragment RequiredForm(Action<MudForm> keep) => builder =>
    {
        builder.OpenComponent<MudForm>(0);
        builder.AddAttribute(2, "ChildContent", (RenderFragment)(inner =>
        {
            inner.OpenComponent<MudTextField<string>>(0);
            inner.AddAttribute(1, "Required", true);
            inner.AddAttribute(2, "Label", "Nom");
            inner.CloseComponent();
            inner.OpenComponent<MudNumericField<int?>>(3);
            inner.AddAttribute(4, "Required", true);
            inner.AddAttribute(5, "Label", "Minutes");
            inner.CloseComponent();
        }));
        builder.AddComponentReferenceCapture(1, form => keep((MudForm)form));
        builder.CloseComponent();
    };

    [Theory]
    [InlineData("fr-FR", "Ce champ est obligatoire.")]
    [InlineData("en-US", "Required")]
    public async Task A_required_field_left_empty_says_so_in_the_page_language(string culture, string expected)
    {
        UseCulture(culture);
        MudForm form = null!;
        var page = Render(RequiredForm(f => form = f));

        await page.InvokeAsync(form.ValidateAsync);

        var errors = page.FindAll(".mud-input-helper-text").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).ToList();
        errors.Should().HaveCount(2).And.OnlyContain(e => e == expected);
    }

    [Fact]
    public async Task A_french_number_field_that_cannot_read_its_text_says_so_in_french()
    {
        var page = Render<MudNumericField<int?>>(p => p.Add(f => f.Label, "Minutes"));

        await page.Find("input").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = "abc" });

        page.Markup.Should().NotContain("Not a valid number");
        page.FindAll(".mud-input-helper-text").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).Should().ContainSingle().Which.Should().Be("Saisissez un nombre.");
    }
}
