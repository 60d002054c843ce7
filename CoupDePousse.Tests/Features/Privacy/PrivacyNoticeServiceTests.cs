using System.Globalization;
using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Privacy;
using CoupDePousse.App.Security;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Privacy;
using CoupDePousse.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Privacy;

/// <summary>The notice each person reads and their acknowledgement of its current version.</summary>
public class PrivacyNoticeServiceTests : IAsyncLifetime
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    private TestDatabase database = null!;
    private PrivacyNoticeGate gate = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private PrivacyNoticeService Service => new(database, gate, database.Clock, database.Logger<PrivacyNoticeService>());

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        gate = new PrivacyNoticeGate(database);
    }

    public async ValueTask DisposeAsync()
    {
        await database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Acknowledging_records_the_person_the_version_and_the_time_once()
    {
        (await gate.HasReadAsync(BeneficiaryId, Token)).Should().BeFalse();

        (await Service.AcknowledgeAsync(Beneficiary, Token)).ShouldSucceed();
        database.Clock.Advance(TimeSpan.FromMinutes(5));
        (await Service.AcknowledgeAsync(Beneficiary, Token)).ShouldSucceed();

        await using var db = database.CreateDbContext();
        var row = await db.PrivacyAcknowledgements.SingleAsync(Token);
        (row.UserId, row.Version).Should().Be((BeneficiaryId, PrivacyNotice.Version));
        row.AcknowledgedAt.Should().Be(database.Clock.GetUtcNow() - TimeSpan.FromMinutes(5));
        (await new PrivacyNoticeGate(database).HasReadAsync(BeneficiaryId, Token)).Should().BeTrue("another instance reads it from the database");
        (await gate.HasReadAsync(HrId, Token)).Should().BeFalse("one person's reading opens the app to nobody else");
    }

    [Fact]
    public async Task A_new_version_is_shown_again_to_someone_who_read_an_older_one()
    {
        await using (var db = database.CreateDbContext())
        {
            db.PrivacyAcknowledgements.Add(new PrivacyAcknowledgement { UserId = IntervenerId, Version = PrivacyNotice.Version - 1, AcknowledgedAt = database.Clock.GetUtcNow() });
            await db.SaveChangesAsync(Token);
        }

        (await gate.HasReadAsync(IntervenerId, Token)).Should().BeFalse();
        (await Service.GetAsync(Intervener, English, Token)).AcknowledgedAt.Should().BeNull();

        (await Service.AcknowledgeAsync(Intervener, Token)).ShouldSucceed();

        (await gate.HasReadAsync(IntervenerId, Token)).Should().BeTrue();
        (await Service.GetAsync(Intervener, English, Token)).AcknowledgedAt.Should().Be(database.Clock.GetUtcNow());
        await using var check = database.CreateDbContext();
        (await check.PrivacyAcknowledgements.Where(a => a.UserId == IntervenerId).Select(a => a.Version).ToListAsync(Token))
            .Should().BeEquivalentTo([PrivacyNotice.Version - 1, PrivacyNotice.Version], "each version read is kept");
    }

    [Fact]
    public async Task Each_role_reads_its_own_notice_and_nobody_signed_in_reads_the_general_part()
    {
        var anonymous = await Service.GetAsync(null, English, Token);
        anonymous.ForRole.Should().BeFalse();
        anonymous.Sections.Should().BeEquivalentTo(PrivacyNotice.Compose(null, English), o => o.WithStrictOrdering());

        foreach (var actor in new[] { Beneficiary, Manager, Intervener, Hr, Admin })
        {
            var view = await Service.GetAsync(actor, English, Token);
            view.ForRole.Should().BeTrue();
            view.Version.Should().Be(PrivacyNotice.Version);
            view.Sections.Should().BeEquivalentTo(PrivacyNotice.Compose(actor.Role, English), o => o.WithStrictOrdering());
        }
    }

    [Fact]
    public async Task The_contact_the_admin_sets_is_audited_and_printed_in_every_notice()
    {
        var administration = database.Administration();

        (await administration.SetPrivacyContactAsync(Hr, "dpo@company.test", Token)).IsFailure.Should().BeTrue("only the admin sets it");
        (await administration.SetPrivacyContactAsync(Admin, "x\u202E", Token)).Error.Should().Be(TextErrors.BidiControl);
        (await administration.SetPrivacyContactAsync(Admin, " dpo@company.test ", Token)).ShouldSucceed();

        (await administration.GetPrivacyContactAsync(Admin, Token)).Value.Should().Be("dpo@company.test");
        (await Service.GetAsync(null, English, Token)).Sections.Single(s => s.Kind == PrivacyNoticeSectionKind.Contact).Lines
            .Should().Equal("For any question about your data: dpo@company.test");
        await using var db = database.CreateDbContext();
        var recorded = await db.SecurityEvents.SingleAsync(e => e.Kind == SecurityEventKind.PrivacyContactChanged, Token);
        (recorded.ActorUserId, recorded.OldValue, recorded.NewValue).Should().Be((AdminId, "-", "dpo@company.test"));
    }

    [Fact]
    public async Task An_account_that_no_longer_exists_acknowledges_nothing()
    {
        (await Service.AcknowledgeAsync(Actor.Beneficiary("gone"), Token)).IsFailure.Should().BeTrue();
        (await gate.HasReadAsync("gone", Token)).Should().BeFalse();
    }
}
