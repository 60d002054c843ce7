using CoupDePousse.App.Data;
using CoupDePousse.App.Data.Demo;
using CoupDePousse.App.Features.Pipeline;
using CoupDePousse.App.Features.Reports;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Programme;
using CoupDePousse.Tests.Features.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoupDePousse.Tests.Features.Reports;

/// <summary>The demo as `dotnet run` seeds it, history included: HR's report and envelope mean something on first sign-in.</summary>
public sealed class DemoHistoryTests(DemoHistoryTests.HistoryAppFactory factory) : IClassFixture<DemoHistoryTests.HistoryAppFactory>
{
    public sealed class HistoryAppFactory : ShellAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(DemoHistorySeeder.HistoryKey, "true");
        }
    }

    [Fact]
    public async Task The_report_shows_this_years_figures_and_the_envelope_is_a_little_over_80_percent_committed()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        _ = factory.Server;
        await using var scope = factory.Services.CreateAsyncScope();
        var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(cancellationToken);
        var hr = Actor.Hr(await db.Users.Where(u => u.Email == DemoUsers.Hr.Email).Select(u => u.Id).SingleAsync(cancellationToken));

        var report = (await scope.ServiceProvider.GetRequiredService<ReportService>().GetAsync(hr, cancellationToken: cancellationToken)).Value.Report;
        report.Total.Should().BeGreaterThan(50);
        report.ByMonth.Count(m => m.Cases > 0).Should().BeGreaterThanOrEqualTo(6, "most months of the year show their volume");
        report.AcceptanceRate.Value.Should().NotBeNull();
        report.MedianDaysToInterview.Value.Should().NotBeNull();
        report.MedianDaysToFirstSession.Value.Should().NotBeNull();
        report.Ends.Count(e => e.Cases > 0).Should().BeGreaterThanOrEqualTo(3);

        var envelope = (await scope.ServiceProvider.GetRequiredService<EnvelopeService>().GetAsync(hr, cancellationToken)).Value;
        envelope.Level.Should().Be(EnvelopeLevel.Warning);
        envelope.CommittedPercentage.Should().BeInRange(80, 84);
    }

    [Fact]
    public async Task The_history_is_generated_people_only_never_a_demo_login_nor_a_demo_intervener()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        _ = factory.Server;
        await using var scope = factory.Services.CreateAsyncScope();
        var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(cancellationToken);
        var demoEmails = DemoUsers.All.Select(u => u.Email).ToList();
        var demoIds = await db.Users.Where(u => demoEmails.Contains(u.Email!)).Select(u => u.Id).ToListAsync(cancellationToken);

        var cases = await db.Cases.CountAsync(cancellationToken);
        var demoCases = await db.Cases.CountAsync(c => demoIds.Contains(c.BeneficiaryId), cancellationToken);
        var generatedWithDemoIntervener = await db.Cases.CountAsync(c => !demoIds.Contains(c.BeneficiaryId) && c.IntervenerId != null && demoIds.Contains(c.IntervenerId), cancellationToken);

        (cases - demoCases).Should().Be(DemoHistorySeeder.Cases);
        generatedWithDemoIntervener.Should().Be(0);
    }
}
