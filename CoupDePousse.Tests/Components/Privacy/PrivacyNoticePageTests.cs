using System.Globalization;
using Bunit;
using Bunit.TestDoubles;
using CoupDePousse.App.Features.Privacy;
using CoupDePousse.App.Security;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Privacy;
using CoupDePousse.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Components.Privacy;

/// <summary>The privacy notice page: each role reads its notice, acknowledges it once and goes on where it was going.</summary>
public class PrivacyNoticePageTests : FeaturePageContext
{
    private static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    public PrivacyNoticePageTests() => Services.AddSingleton<PrivacyNoticeGate>();

    public static TheoryData<Role> AllRoles => new(Enum.GetValues<Role>());

    private static Actor ActorOf(Role role) => role switch
    {
        Role.Beneficiary => Beneficiary,
        Role.Manager => Manager,
        Role.Intervener => Intervener,
        Role.HR => Hr,
        _ => Admin,
    };

    private async Task<List<int>> AcknowledgedVersionsAsync(string userId)
    {
        await using var db = Database.CreateDbContext();
        return await db.PrivacyAcknowledgements.Where(a => a.UserId == userId).Select(a => a.Version).ToListAsync(Token);
    }

    [Theory]
    [MemberData(nameof(AllRoles))]
    public void Each_role_reads_the_notice_of_its_role(Role role)
    {
        UseCulture("en-US");
        SignInAs(ActorOf(role));
        var page = Render<PrivacyNoticePage>();

        page.WaitForElement("[data-testid=privacy-acknowledge]", Patience);
        var expected = PrivacyNotice.Compose(role, CultureInfo.GetCultureInfo("en-US"));
        page.FindAll("[data-testid=privacy-section]").Select(s => s.GetAttribute("data-kind")).Should().Equal(expected.Select(s => s.Kind.ToString()));
        page.FindAll("[data-testid=privacy-section] li").Select(li => li.TextContent).Should().Equal(expected.SelectMany(s => s.Lines));
        page.Find("[data-testid=privacy-notice]").GetAttribute("data-role").Should().Be(role.ToString());
        page.Find("[data-testid=privacy-notice-required]").TextContent.Should().Contain("Before you go on, read this notice");
        page.Find("[data-testid=privacy-acknowledge]").TextContent.Should().Be("I have read it");
        page.Markup.Should().Contain("it does not ask for your agreement");
    }

    [Fact]
    public async Task Acknowledging_records_the_version_and_goes_on_where_the_person_was_going()
    {
        SignInAs(Intervener);
        var navigation = Services.GetRequiredService<BunitNavigationManager>();
        navigation.NavigateTo("/privacy/notice?returnUrl=%2Fcases%2F42%3Ftab%3Dnotes");
        var page = Render<PrivacyNoticePage>();

        page.WaitForElement("[data-testid=privacy-acknowledge]", Patience).TextContent.Should().Be("J’ai lu");
        page.Find("[data-testid=privacy-acknowledge]").Click();

        page.WaitForAssertion(() => new Uri(navigation.Uri).PathAndQuery.Should().Be("/cases/42?tab=notes"), Patience);
        (await AcknowledgedVersionsAsync(IntervenerId)).Should().Equal(PrivacyNotice.Version);
        (await Services.GetRequiredService<PrivacyNoticeGate>().HasReadAsync(IntervenerId, Token)).Should().BeTrue();
    }

    [Fact]
    public async Task A_return_address_on_another_site_is_not_followed()
    {
        SignInAs(Beneficiary);
        var navigation = Services.GetRequiredService<BunitNavigationManager>();
        navigation.NavigateTo("/privacy/notice?returnUrl=%2F%2Fevil.test%2Fphish");
        var page = Render<PrivacyNoticePage>();

        page.WaitForElement("[data-testid=privacy-acknowledge]", Patience).Click();

        page.WaitForAssertion(() => new Uri(navigation.Uri).PathAndQuery.Should().Be("/"), Patience);
        new Uri(navigation.Uri).Host.Should().Be("localhost");
        (await AcknowledgedVersionsAsync(BeneficiaryId)).Should().Equal(PrivacyNotice.Version);
    }

    [Fact]
    public async Task Someone_who_read_this_version_sees_when_and_no_button()
    {
        SignInAs(Hr);
        (await Services.GetRequiredService<PrivacyNoticeService>().AcknowledgeAsync(Hr, Token)).IsSuccess.Should().BeTrue();
        var page = Render<PrivacyNoticePage>();

        page.WaitForElement("[data-testid=privacy-acknowledged]", Patience);
        page.FindAll("[data-testid=privacy-acknowledge]").Should().BeEmpty();
        page.FindAll("[data-testid=privacy-notice-required]").Should().BeEmpty();
    }

    [Fact]
    public void Before_signing_in_the_general_part_only_and_nothing_to_acknowledge()
    {
        AddAuthorization();
        var page = Render<PrivacyNoticePage>();

        page.WaitForElement("[data-testid=privacy-general-only]", Patience);
        page.FindAll("[data-testid=privacy-section]").Select(s => s.GetAttribute("data-kind"))
            .Should().Equal(PrivacyNotice.Compose(null, CultureInfo.GetCultureInfo("fr-FR")).Select(s => s.Kind.ToString()));
        page.FindAll("[data-testid=privacy-acknowledge]").Should().BeEmpty();
        page.Markup.Should().Contain("La base légale est l’intérêt légitime de l’employeur");
    }
}
