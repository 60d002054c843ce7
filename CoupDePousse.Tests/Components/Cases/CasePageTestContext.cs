using Bunit;
using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Cases;
using CoupDePousse.App.Security;
using CoupDePousse.Domain.Common;
using CoupDePousse.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Bunit.Rendering;
using MudBlazor;

namespace CoupDePousse.Tests.Components.Cases;

/// <summary>Renders the case pages against the real services over a real test database.</summary>
public abstract class CasePageTestContext : MudTestContext, IAsyncLifetime
{
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    protected TestDatabase Db { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync();
        Services.AddSingleton<IDbContextFactory<AppDbContext>>(Db);
        Services.AddSingleton<TimeProvider>(Db.Clock);
        Services.AddSingleton(Db.Cases());
        Services.AddSingleton(Db.SessionNotes());
        Services.AddSingleton(Db.Pipeline());
        Services.AddScoped<ICurrentUser, CurrentUser>();
    }

    protected void SignInAs(Actor actor) =>
        AddAuthorization().SignIn(actor.Role.ToString(), displayName: actor.UserId, id: actor.UserId);

    /// <summary>The case page inside the providers its popovers and dialogs need, once it has loaded.</summary>
    protected IRenderedComponent<ContainerFragment> RenderCase(Guid caseId)
    {
        var cut = Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<CasePage>(2);
            builder.AddAttribute(3, nameof(CasePage.Id), caseId);
            builder.CloseComponent();
        });
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=case-page], [data-testid=not-found]").Should().NotBeEmpty(), Patience);
        return cut;
    }

    /// <summary>Opens the criteria detail when the page shows it folded (after acceptance).</summary>
    protected static void ExpandCriteria(IRenderedComponent<ContainerFragment> cut)
    {
        foreach (var expand in cut.FindAll("[data-testid=criteria-expand]"))
        {
            expand.Click();
        }
    }

    /// <summary>The action hooks the page renders, as trigger names.</summary>
    protected static IReadOnlyList<string> RenderedActions(IRenderedComponent<ContainerFragment> cut) =>
        cut.FindAll("[data-testid^='action-']").Select(e => e.GetAttribute("data-testid")!["action-".Length..]).Distinct().Order().ToList();

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await Db.DisposeAsync();
    }
}
