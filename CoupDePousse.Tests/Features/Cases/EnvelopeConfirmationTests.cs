using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Cases;
using CoupDePousse.App.Features.Common;
using CoupDePousse.App.Security;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Programme;
using CoupDePousse.Tests.TestSupport;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Cases;

/// <summary>
/// An assignment or an extension that would bring the committed amount past an envelope is refused unless HR confirms it,
/// and the confirmation lands in the security audit with the amounts, in the same save (decision 034).
/// </summary>
public class EnvelopeConfirmationTests : IAsyncLifetime
{
    // A 6 h case in sessions with intervener-1 (120 €/h) commits 720 €; a new 6 h case of the same beneficiary goes to
    // intervener-2 (100 €/h, no conflict) and will commit 600 €: 1 320 € in all.
    private TestDatabase database = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await database.SaveAsync(InSessions(60));
    }

    public async ValueTask DisposeAsync() => await database.DisposeAsync();

    private async Task EnvelopesAsync(decimal? company, decimal? logistique = null)
    {
        var settings = new EnvelopeSettingsService(database, new SecurityAudit(database, database.Clock, new HttpContextAccessor()), database.Clock,
            database.Logger<EnvelopeSettingsService>());
        (await settings.SaveAsync(Hr, [new EnvelopeAmount(2026, null, company), new EnvelopeAmount(2026, "Logistique", logistique)], Token)).IsSuccess.Should().BeTrue();
    }

    private async Task<Guid> ProposedAsync() => (await database.Cases().ProposeAsync(Manager, BeneficiaryId, Proposal(CoupDePousse.Domain.Catalogue.CoachingDomain.StressAndEmotions), Token)).ShouldSucceed();

    private async Task<List<SecurityEvent>> ConfirmationsAsync()
    {
        await using var db = database.CreateDbContext();
        return await db.SecurityEvents.Where(e => e.Kind == SecurityEventKind.EnvelopeExceededConfirmed).ToListAsync(Token);
    }

    private async Task<CoachingCase> CaseAsync(Guid id)
    {
        await using var db = database.CreateDbContext();
        return (await db.LoadCaseAsync(id, Token))!;
    }

    [Fact]
    public async Task An_assignment_past_the_envelope_is_refused_without_confirmation_and_nothing_is_saved()
    {
        await EnvelopesAsync(1_000m);
        var id = await ProposedAsync();

        var refused = await database.Cases().PerformAsync(Hr, id, null, new AssignIntervenerCommand(OtherIntervenerId), Token);

        refused.Error!.Code.Should().Be(EnvelopeCommitment.WouldExceedCode);
        refused.Error.English.Should().Contain("€1,320.00").And.Contain("€1,000.00");
        (await CaseAsync(id)).IntervenerId.Should().BeNull();
        (await ConfirmationsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task A_confirmed_assignment_past_the_envelope_is_saved_with_its_confirmation_and_the_amounts()
    {
        await EnvelopesAsync(1_000m);
        var id = await ProposedAsync();

        (await database.Cases().PerformAsync(Hr, id, null, new AssignIntervenerCommand(OtherIntervenerId, ConfirmOverEnvelope: true), Token)).ShouldSucceed();

        (await CaseAsync(id)).IntervenerId.Should().Be(OtherIntervenerId);
        var confirmation = (await ConfirmationsAsync()).Should().ContainSingle().Subject;
        (confirmation.ActorUserId, confirmation.SubjectUserId, confirmation.OldValue, confirmation.NewValue)
            .Should().Be((HrId, OtherIntervenerId, $"trigger=AssignIntervener; case={id}", "year=2026; envelope=100000; committed=132000"));
    }

    [Fact]
    public async Task An_assignment_without_an_envelope_asks_nothing()
    {
        var id = await ProposedAsync();

        (await database.Cases().PerformAsync(Hr, id, null, new AssignIntervenerCommand(OtherIntervenerId), Token)).ShouldSucceed();

        (await ConfirmationsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task An_assignment_that_reaches_the_envelope_exactly_asks_nothing()
    {
        await EnvelopesAsync(1_320m);
        var id = await ProposedAsync();

        (await database.Cases().PerformAsync(Hr, id, null, new AssignIntervenerCommand(OtherIntervenerId, ConfirmOverEnvelope: true), Token)).ShouldSucceed();

        (await ConfirmationsAsync()).Should().BeEmpty("a confirmation that was not needed is not recorded");
    }

    [Fact]
    public async Task The_department_envelope_of_the_beneficiary_is_checked_too()
    {
        await EnvelopesAsync(100_000m, 1_000m);
        var id = await ProposedAsync();

        var refused = await database.Cases().PerformAsync(Hr, id, null, new AssignIntervenerCommand(OtherIntervenerId), Token);
        (await database.Cases().PerformAsync(Hr, id, null, new AssignIntervenerCommand(OtherIntervenerId, ConfirmOverEnvelope: true), Token)).ShouldSucceed();

        refused.Error!.English.Should().Contain("Logistique");
        (await ConfirmationsAsync()).Single().NewValue.Should().Be("year=2026; department=Logistique; envelope=100000");
    }

    [Fact]
    public async Task An_extension_past_the_envelope_is_refused_without_confirmation_and_approved_with_it()
    {
        var extended = InSessions(60);
        extended.RequestExtension(Intervener, 60, ExtensionCategory.MoreSessionsNeeded, null, Now).ShouldSucceed();
        await database.SaveAsync(extended);
        // 720 € + 720 € committed; one more hour at 120 € makes 1 560 €.
        await EnvelopesAsync(1_500m);

        var refused = await database.Cases().PerformAsync(Hr, extended.Id, null, new ApproveExtensionCommand(), Token);
        (await CaseAsync(extended.Id)).Hours.ApprovedExtensionMinutes.Should().Be(0);
        (await ConfirmationsAsync()).Should().BeEmpty();

        (await database.Cases().PerformAsync(Hr, extended.Id, null, new ApproveExtensionCommand(ConfirmOverEnvelope: true), Token)).ShouldSucceed();

        refused.Error!.English.Should().Contain("€1,560.00").And.Contain("€1,500.00");
        (await CaseAsync(extended.Id)).Hours.ApprovedExtensionMinutes.Should().Be(60);
        (await ConfirmationsAsync()).Single().NewValue.Should().Be("year=2026; envelope=150000; committed=156000");
    }

    [Fact]
    public async Task An_extension_within_the_envelope_asks_nothing()
    {
        var extended = InSessions(60);
        extended.RequestExtension(Intervener, 60, ExtensionCategory.MoreSessionsNeeded, null, Now).ShouldSucceed();
        await database.SaveAsync(extended);
        await EnvelopesAsync(1_560m);

        (await database.Cases().PerformAsync(Hr, extended.Id, null, new ApproveExtensionCommand(), Token)).ShouldSucceed();

        (await ConfirmationsAsync()).Should().BeEmpty();
    }
}
