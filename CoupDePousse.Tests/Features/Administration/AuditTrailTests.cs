using System.Globalization;
using System.Text;
using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Administration;
using CoupDePousse.App.Features.Common;
using CoupDePousse.App.Security;
using CoupDePousse.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;
using static CoupDePousse.Tests.TestSupport.Expected;

namespace CoupDePousse.Tests.Features.Administration;

/// <summary>The audit trail is read by the administrator only, filtered, exported as CSV, and never changed.</summary>
public class AuditTrailTests : AccountServicesTest
{
    private const string Password = "Choisi-par-Nina-2026!";


    public static TheoryData<Who, Expected> People => new()
    {
        { Who.Beneficiary, Forbidden },
        { Who.Manager, Forbidden },
        { Who.Hr, Forbidden },
        { Who.Intervener, Forbidden },
        { Who.Admin, Success },
    };

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var administration = Administration;
        var nina = await administration.CreateUserAsync(Admin, new NewUser("nina@test.local", "Nina Nouvelle", Roles.Beneficiary), Token);
        await Services.SetPasswordThroughAsync(nina.Value.Url, Password);
        Database.Clock.Advance(TimeSpan.FromDays(2));
        await administration.SetRoleAsync(Admin, OtherBeneficiaryId, Roles.Manager, Token);
        await administration.DisableAsync(Admin, IntervenerId, Token);
    }

    private AuditTrailService Audit => Services.GetRequiredService<AuditTrailService>();

    [Theory]
    [MemberData(nameof(People))]
    public async Task Only_the_admin_reads_or_exports_the_audit_trail(Who who, Expected expected)
    {
        var list = await Audit.ListAsync(Of(who), new AuditFilter(), new PageRequest(), Token);
        using var csv = new MemoryStream();
        var export = await Audit.WriteCsvAsync(Of(who), new AuditFilter(), csv, Token);

        if (expected == Success)
        {
            list.ShouldSucceed();
            export.ShouldSucceed();
            return;
        }

        list.ShouldBeRefusedWith(AppErrors.Forbidden);
        export.ShouldBeRefusedWith(AppErrors.Forbidden);
        csv.Length.Should().Be(0);
    }

    [Fact]
    public async Task Rows_come_newest_first_with_names_and_values()
    {
        var rows = (await Audit.ListAsync(Admin, new AuditFilter(), new PageRequest(), Token)).Value;

        rows.TotalCount.Should().Be(5);
        rows.Items.Select(r => r.Kind).Should().Equal(SecurityEventKind.AccountDisabled, SecurityEventKind.RoleChanged,
            SecurityEventKind.InvitationUsed, SecurityEventKind.InvitationIssued, SecurityEventKind.UserCreated);
        rows.Items[1].Should().BeEquivalentTo(new { ActorName = "Adam Admin", SubjectName = "Octave Autre", OldValue = "Beneficiary", NewValue = "Manager" });
    }

    [Fact]
    public async Task Filters_by_kind_person_and_dates_and_pages_on_the_server()
    {
        var byKind = (await Audit.ListAsync(Admin, new AuditFilter(Kind: SecurityEventKind.RoleChanged), new PageRequest(), Token)).Value;
        var byName = (await Audit.ListAsync(Admin, new AuditFilter(Person: "Nina"), new PageRequest(), Token)).Value;
        var byEmail = (await Audit.ListAsync(Admin, new AuditFilter(Person: "intervener-1@"), new PageRequest(), Token)).Value;
        var firstDay = (await Audit.ListAsync(Admin, new AuditFilter(From: Now, To: Now.AddDays(1)), new PageRequest(), Token)).Value;
        var secondPage = (await Audit.ListAsync(Admin, new AuditFilter(), new PageRequest(2, 2), Token)).Value;

        byKind.Items.Should().ContainSingle().Which.SubjectName.Should().Be("Octave Autre");
        byName.Items.Select(r => r.Kind).Should().Equal(SecurityEventKind.InvitationUsed, SecurityEventKind.InvitationIssued, SecurityEventKind.UserCreated);
        byEmail.Items.Should().ContainSingle().Which.Kind.Should().Be(SecurityEventKind.AccountDisabled);
        firstDay.TotalCount.Should().Be(3);
        secondPage.Items.Select(r => r.Kind).Should().Equal(SecurityEventKind.InvitationUsed, SecurityEventKind.InvitationIssued);
        secondPage.TotalCount.Should().Be(5);
    }

    [Theory]
    [InlineData("en-US", ',')]
    [InlineData("fr-FR", ';')]
    public async Task The_csv_holds_the_filtered_rows_and_never_a_password_or_a_code(string culture, char separator)
    {
        using var stream = new MemoryStream();

        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            (await Audit.WriteCsvAsync(Admin, new AuditFilter(Person: "Nina"), stream, Token)).ShouldSucceed();
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }

        // The house CSV (decision 035): a byte order mark, the separator a spreadsheet in the reader's language expects.
        var bytes = stream.ToArray();
        bytes.Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be(string.Join(separator, "At", "Kind", "Actor", "Subject", "OldValue", "NewValue", "RemoteIp"));
        lines.Skip(1).Select(l => l.Split(separator)[1]).Should().Equal("InvitationUsed", "InvitationIssued", "UserCreated");
        lines[3].Should().StartWith(string.Join(separator, "2026-11-20T09:00:00Z", "UserCreated", "Adam Admin", "Nina Nouvelle", "", ""));
        var text = string.Join("\n", lines);
        text.Should().NotContain(Password).And.NotContain("code=").And.NotContain("Octave");
    }

    [Fact]
    public async Task A_value_a_spreadsheet_would_run_is_escaped_in_the_csv()
    {
        await Services.GetRequiredService<AdministrationService>().CreateUserAsync(Admin, new NewUser("formula@test.local", "=HYPERLINK(1)", Roles.Beneficiary), Token);
        using var stream = new MemoryStream();

        await Audit.WriteCsvAsync(Admin, new AuditFilter(Kind: SecurityEventKind.UserCreated, Person: "formula@"), stream, Token);

        var text = Encoding.UTF8.GetString(stream.ToArray());
        text.Should().Contain("HYPERLINK(1)").And.NotContain(",=HYPERLINK").And.NotContain(";=HYPERLINK");
    }

    [Fact]
    public async Task The_database_refuses_to_update_or_delete_an_audit_row_whatever_code_runs()
    {
        await using var db = Database.CreateDbContext();

        var update = () => db.Database.ExecuteSqlRawAsync("UPDATE SecurityEvents SET NewValue = 'forged'", Token);
        var delete = () => db.Database.ExecuteSqlRawAsync("DELETE FROM SecurityEvents", Token);

        (await update.Should().ThrowAsync<SqliteException>()).Which.Message.Should().Contain("append-only");
        (await delete.Should().ThrowAsync<SqliteException>()).Which.Message.Should().Contain("append-only");
        (await db.SecurityEvents.CountAsync(Token)).Should().Be(5);
        (await db.SecurityEvents.CountAsync(e => e.NewValue == "forged", Token)).Should().Be(0);
    }

    [Fact]
    public async Task The_context_refuses_to_save_a_changed_or_removed_audit_row()
    {
        await using var db = Database.CreateDbContext();
        var row = await db.SecurityEvents.FirstAsync(Token);
        db.SecurityEvents.Remove(row);

        var save = () => db.SaveChangesAsync(Token);

        await save.Should().ThrowAsync<InvalidOperationException>().WithMessage("*append-only*");
    }
}
