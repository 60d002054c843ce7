using System.Text;
using System.Text.Json;
using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Cases;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Notifications;
using CoupDePousse.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;
using static CoupDePousse.Tests.TestSupport.PersonalDataScenario;

namespace CoupDePousse.Tests.Features.Cases;

/// <summary>The right of access (decision 038): everything the beneficiary may see and nothing else; notes only through the intervener.</summary>
public class PersonalDataTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<(TestDatabase Database, Stored Stored)> PopulatedAsync()
    {
        var database = await TestDatabase.CreateAsync();
        return (database, await StoreAsync(database, Token));
    }

    [Fact]
    public async Task The_beneficiary_export_holds_every_kind_of_data_their_screens_show()
    {
        var (database, stored) = await PopulatedAsync();
        await using var _ = database;

        var export = (await database.PersonalData().ExportAsync(Beneficiary, PersonalDataChannel.Page, Token))!;

        export.SchemaVersion.Should().Be(PersonalDataExport.CurrentSchemaVersion);
        export.Role.Should().Be(Role.Beneficiary);
        export.Account.Should().Be(new AccountData("Bénédicte Bénéficiaire", "beneficiary-1@test.local", "Logistique", "Marc Manager", "fr", "Europe/Paris", false, false));
        export.SignedInSessions.Should().ContainSingle().Which.LastSeenAt.Should().Be(Now);
        export.MailPreferences.Should().Contain(new MailPreferenceData(NotificationKind.MeetingProposed, false));
        export.MailPreferences.Should().Contain(p => p.Enabled, "every other kind stays on");
        export.CalendarFeed.Should().NotBeNull();
        export.IntervenerProfile.Should().BeNull();
        export.Notifications.Should().Contain(n => n.Kind == NotificationKind.MeetingProposed && n.Link == $"/cases/{stored.InSessions}/meetings");

        export.Cases.Select(c => c.Id).Should().BeEquivalentTo([stored.Closed, stored.Excluded, stored.Cancelled, stored.InSessions]);
        var closed = export.Cases.Single(c => c.Id == stored.Closed);
        closed.State.Should().Be(CaseState.Closed);
        closed.Intervener.Should().Be("Inès Intervenante");
        closed.Domains.Should().NotBeEmpty();
        closed.Request.Situation.Should().Be(Marker("Request"));
        closed.History.Should().Contain(h => h.Trigger == CaseTrigger.Close);
        closed.Criteria.Select(c => c.Criterion).Distinct().Should().HaveCount(AcceptanceCriteria.All.Count);
        closed.Criteria.Should().OnlyContain(c => c.Validated && c.Comment == Marker("VerdictComment"));
        closed.Objectives.Should().ContainSingle().Which.Should().Be(new ObjectiveData(Marker("ObjectiveStatement"), Marker("ObjectiveMeasure"), null, 4, null));
        closed.ObjectiveRevisions.Should().ContainSingle();
        closed.Satisfaction.Should().Be(new SatisfactionView(9, Marker("SatisfactionComment")));
        closed.ClosingSummary.Should().Be(Marker("ClosingSummary"));
        closed.CompanyText!.Draft.Should().Be(Marker("CompanyText"));
        closed.Sessions.Should().ContainSingle();
        closed.Extensions.Should().ContainSingle().Which.Status.Should().Be(ExtensionStatus.Approved);
        closed.Agreement.Should().NotBeEmpty();
        closed.Agreement[0].Acceptances.Select(a => a.Party).Should().BeEquivalentTo([AgreementParty.Beneficiary, AgreementParty.Intervener, AgreementParty.Company]);
        closed.ActionItems.Should().ContainSingle().Which.Text.Should().Be(Marker("ActionItem"));
        closed.Journal.Should().ContainSingle().Which.Text.Should().Be(Marker("JournalEntry"));
        export.Cases.Single(c => c.Id == stored.Excluded).Referral!.Note.Should().Be(Marker("ReferralNote"));
        export.Cases.Single(c => c.Id == stored.Cancelled).CancellationReason.Should().Be(Marker("CancellationReason"));
        var inSessions = export.Cases.Single(c => c.Id == stored.InSessions);
        inSessions.Meetings.Should().ContainSingle().Which.Place.Should().Be(MeetingPlace);
        inSessions.Resources.Should().ContainSingle().Which.Title.Should().Be(ResourceTitle);
        inSessions.Journal.Should().ContainSingle().Which.Text.Should().Be(OwnJournal);
    }

    [Fact]
    public async Task The_beneficiary_export_holds_no_note_nothing_only_hr_or_the_intervener_reads_and_nobody_else_s_data()
    {
        var (database, _) = await PopulatedAsync();
        await using var __ = database;

        var json = Encoding.UTF8.GetString((await database.PersonalData().ExportAsync(Beneficiary, PersonalDataChannel.Json, Token))!.ToJson());

        MarkersIn(json).Should().BeEquivalentTo(SeenByTheBeneficiary.Concat(["MeetingPlace", "ResourceTitle", "InSessionsJournal"]));
        foreach (var kind in NeverSeenByTheBeneficiary)
        {
            json.Should().NotContain(Marker(kind));
        }

        json.Should().NotContain(OtherCaseNote).And.NotContain(OtherSituation).And.NotContain(OtherJournal).And.NotContain("Octave Autre");
        json.Should().NotContain(HrOverrideReason, "HR's reason to override a conflict is the company's");
        await using var db = database.CreateDbContext();
        var secrets = await db.Users.Where(u => u.Id == BeneficiaryId).Select(u => u.SecurityStamp).SingleAsync(Token);
        var feedHash = await db.CalendarFeeds.Select(f => f.TokenHash).SingleAsync(Token);
        json.Should().NotContain(secrets!).And.NotContain(feedHash).And.NotContain("ticket", "a session's ticket is its key");
    }

    [Fact]
    public async Task The_json_is_camel_case_with_enums_by_name_and_a_schema_version()
    {
        var (database, stored) = await PopulatedAsync();
        await using var _ = database;

        var export = (await database.PersonalData().ExportAsync(Beneficiary, PersonalDataChannel.Json, Token))!;
        using var json = JsonDocument.Parse(export.ToJson());
        var root = json.RootElement;

        root.GetProperty("schemaVersion").GetInt32().Should().Be(1);
        root.GetProperty("role").GetString().Should().Be("Beneficiary");
        root.GetProperty("account").GetProperty("displayName").GetString().Should().Be("Bénédicte Bénéficiaire");
        root.TryGetProperty("intervenerProfile", out var __).Should().BeFalse("an absent section is left out, not null");
        var closed = root.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == stored.Closed);
        closed.GetProperty("state").GetString().Should().Be("Closed");
        closed.GetProperty("request").GetProperty("situation").GetString().Should().Be(Marker("Request"));
        closed.GetProperty("objectives")[0].GetProperty("startingScore").GetInt32().Should().Be(4);
        JsonSerializer.Deserialize<PersonalDataExport>(export.ToJson(), PersonalDataExport.JsonOptions)!.Cases.Should().HaveCount(export.Cases.Count);
    }

    [Fact]
    public async Task Every_view_and_download_is_audited_without_its_content()
    {
        var (database, _) = await PopulatedAsync();
        await using var _d = database;
        var service = database.PersonalData();

        await service.ExportAsync(Beneficiary, PersonalDataChannel.Page, Token);
        await service.ExportAsync(Beneficiary, PersonalDataChannel.Json, Token);
        await service.ExportAsync(Hr, PersonalDataChannel.Json, Token);

        await using var db = database.CreateDbContext();
        var events = await db.SecurityEvents.Where(e => e.Kind == SecurityEventKind.PersonalDataExported).OrderBy(e => e.Id).ToListAsync(Token);
        events.Select(e => (e.ActorUserId, e.SubjectUserId, e.NewValue)).Should().Equal(
            (BeneficiaryId, BeneficiaryId, "Page"), (BeneficiaryId, BeneficiaryId, "Json"), (HrId, HrId, "Json"));
        MarkersIn(string.Join(" ", events.Select(e => e.OldValue + e.NewValue))).Should().BeEmpty();
    }

    public static TheoryData<Who> OtherRoles => new(Who.Hr, Who.Manager, Who.Admin, Who.Intervener, Who.OtherIntervener);

    [Theory]
    [MemberData(nameof(OtherRoles))]
    public async Task Other_roles_get_their_own_account_data_and_no_case_content(Who who)
    {
        var (database, _) = await PopulatedAsync();
        await using var _d = database;
        var actor = Of(who);

        var export = (await database.PersonalData().ExportAsync(actor, PersonalDataChannel.Json, Token))!;

        export.Role.Should().Be(actor.Role);
        export.Account.Email.Should().Be($"{actor.UserId}@test.local");
        export.Cases.Should().BeEmpty("case content is reached through the cases themselves");
        MarkersIn(Encoding.UTF8.GetString(export.ToJson())).Should().BeEmpty();
        export.MailPreferences.Select(p => p.Kind).Should().Equal(NotificationKinds.For(actor.Role));
        if (actor.Role == Role.Intervener)
        {
            export.IntervenerProfile.Should().NotBeNull();
            export.IntervenerProfile!.HourlyRateCents.Should().Be(who == Who.Intervener ? 120_00 : 100_00);
            export.IntervenerProfile.MaxActiveCases.Should().Be(5);
            export.IntervenerProfile.Domains.Should().Contain(who == Who.Intervener ? CoachingDomain.ManagementAndCommunication : CoachingDomain.StressAndEmotions);
        }
        else
        {
            export.IntervenerProfile.Should().BeNull();
        }
    }

    [Fact]
    public async Task The_case_intervener_exports_that_case_s_notes_for_the_beneficiary_and_the_export_is_audited()
    {
        var (database, stored) = await PopulatedAsync();
        await using var _ = database;

        var export = (await database.SessionNotes().ExportForBeneficiaryAsync(Intervener, stored.Closed, Token))!;

        export.BeneficiaryName.Should().Be("Bénédicte Bénéficiaire");
        export.IntervenerName.Should().Be("Inès Intervenante");
        export.Notes.Should().ContainSingle().Which.Should().Match<NotesExportLine>(n => n.Text == Marker("SessionNote") && n.SessionDate == Today);
        await using var db = database.CreateDbContext();
        var audited = await db.SecurityEvents.SingleAsync(e => e.Kind == SecurityEventKind.NotesExported, Token);
        (audited.ActorUserId, audited.SubjectUserId).Should().Be((IntervenerId, BeneficiaryId));
        audited.NewValue.Should().Contain(stored.Closed.ToString()).And.Contain("1 notes").And.NotContain("MARK-");
    }

    [Theory]
    [InlineData(Who.Hr)]
    [InlineData(Who.Admin)]
    [InlineData(Who.Beneficiary)]
    [InlineData(Who.Manager)]
    [InlineData(Who.OtherIntervener)]
    public async Task Nobody_but_the_case_intervener_exports_its_notes(Who who)
    {
        var (database, stored) = await PopulatedAsync();
        await using var _ = database;

        (await database.SessionNotes().ExportForBeneficiaryAsync(Of(who), stored.Closed, Token)).Should().BeNull("{0} is answered as for a missing case", who);

        await using var db = database.CreateDbContext();
        (await db.SecurityEvents.AnyAsync(e => e.Kind == SecurityEventKind.NotesExported, Token)).Should().BeFalse();
    }
}
