using CoupDePousse.App.Features.Common;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Resources;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Resources;

/// <summary>The administrator keeps the library; nobody else lists or changes it.</summary>
public class ResourceLibraryServiceTests
{
    private static readonly LibraryResourceInput Input = new(CoachingDomain.StrategyAndTactics, "risk-assessment",
        "La matrice des risques", "The risk matrix", "Probabilité et impact.", "Likelihood and impact.", "https://example.org/risks");

    [Fact]
    public async Task The_administrator_creates_edits_and_archives_a_resource()
    {
        await using var database = await TestDatabase.CreateAsync();
        var library = database.ResourceLibrary();
        var token = TestContext.Current.CancellationToken;

        (await library.CreateAsync(Admin, Input, token)).ShouldSucceed();
        var row = (await library.ListAsync(Admin, token)).Value.Single();
        (await library.EditAsync(Admin, row.Id, row.ToInput() with { TitleEnglish = "A risk matrix" }, token)).ShouldSucceed();
        (await library.ArchiveAsync(Admin, row.Id, true, token)).ShouldSucceed();

        (await library.ListAsync(Admin, token)).Value.Single().Should().Match<App.Features.Administration.LibraryResourceRow>(r =>
            r.TitleEnglish == "A risk matrix" && r.TitleFrench == "La matrice des risques" && r.IsArchived && r.TopicCode == "risk-assessment");
    }

    [Fact]
    public async Task Nobody_but_the_administrator_reaches_the_library()
    {
        await using var database = await TestDatabase.CreateAsync();
        var library = database.ResourceLibrary();
        var token = TestContext.Current.CancellationToken;
        (await library.CreateAsync(Admin, Input, token)).ShouldSucceed();
        var id = (await library.ListAsync(Admin, token)).Value.Single().Id;

        foreach (var actor in new[] { Hr, Manager, Intervener, Beneficiary })
        {
            (await library.ListAsync(actor, token)).Error.Should().Be(AppErrors.Forbidden);
            (await library.CreateAsync(actor, Input, token)).Error.Should().Be(AppErrors.Forbidden);
            (await library.EditAsync(actor, id, Input with { TitleFrench = "Piraté" }, token)).Error.Should().Be(AppErrors.Forbidden);
            (await library.ArchiveAsync(actor, id, true, token)).Error.Should().Be(AppErrors.Forbidden);
        }

        (await library.ListAsync(Admin, token)).Value.Should().ContainSingle().Which.Should().Match<App.Features.Administration.LibraryResourceRow>(r => r.TitleFrench == "La matrice des risques" && !r.IsArchived);
    }

    [Fact]
    public async Task A_dangerous_link_is_refused_and_nothing_is_stored()
    {
        await using var database = await TestDatabase.CreateAsync();
        var library = database.ResourceLibrary();
        var token = TestContext.Current.CancellationToken;

        (await library.CreateAsync(Admin, Input with { Link = "javascript:alert(document.cookie)" }, token)).Error.Should().Be(ResourceErrors.InvalidLink);

        (await library.ListAsync(Admin, token)).Value.Should().BeEmpty();
    }

    [Fact]
    public async Task Sharing_a_resource_on_a_case_changes_nothing_the_administrator_reads()
    {
        await using var database = await TestDatabase.CreateAsync();
        var library = database.ResourceLibrary();
        var token = TestContext.Current.CancellationToken;
        (await library.CreateAsync(Admin, Input, token)).ShouldSucceed();
        var before = (await library.ListAsync(Admin, token)).Value.Single();
        var id = before.Id;
        var stored = await database.SaveAsync(InSessions());

        (await database.BetweenSessions().ShareAsync(Intervener, stored.Id, id, token)).ShouldSucceed();

        (await library.ListAsync(Admin, token)).Value.Single().Should().Be(before, "the administrator sees nothing of cases, not even which topics someone is helped on");
    }
}
