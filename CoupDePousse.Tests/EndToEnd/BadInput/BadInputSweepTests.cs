using System.Security.Cryptography;
using System.Text;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Tests.EndToEnd.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using static CoupDePousse.Tests.EndToEnd.Steps.CaseFlows;
using static Microsoft.Playwright.Assertions;

namespace CoupDePousse.Tests.EndToEnd.BadInput;

/// <summary>
/// The bad-input sweep (decision 044): each field the catalog can reach is fed what careless, hurried or hostile people
/// type, on one page per field, and the app must keep its circuit, never answer 500, refuse with a message next to the
/// field in the page's language, store nothing when it refuses, and show stored text as text. It runs on an app of its
/// own: what it stores (hostile texts in the contract, numbers, sweep cases) never reaches the other collections' pages.
/// </summary>
[Collection(BadInputCollection.Name)]
public sealed class BadInputSweepTests(BadInputFixture fixture) : EndToEndTest(fixture)
{
    /// <summary>What people paste or type into a text field.</summary>
    private static readonly (string Name, string Value)[] TextInputs =
    [
        ("100 000 characters", new string('x', 100_000)),
        ("whitespace only", "    "),
        ("NUL", "avant\0après"),
        ("hostile", "<script>window.__sweep=1</script><b data-sweep>gras</b> \u202Eevil\u202C a\u200Db 👩‍💻 e\u0301\u0302"),
    ];

    /// <summary>What people type into a number field; those marked invalid must never be stored without a word.</summary>
    private static readonly (string Value, bool Invalid)[] NumberInputs =
    [
        ("", true), ("0", false), ("-15", true), ("2147483647", true), ("99999999999999999999", true),
        ("1.5", false), ("1,5", false), ("1e5", true), ("abc", true),
    ];

    /// <summary>MudBlazor's English defaults: never on a French page.</summary>
    private static readonly string[] EnglishDefaults = ["Required", "Not a valid number", "Not a valid date time", "Conversion error"];

    // Sign-in bookkeeping, audit trails, background jobs: they change without any field being stored.
    private static readonly HashSet<string> NotBusiness = new(StringComparer.OrdinalIgnoreCase)
    {
        "UserSessions", "SecurityEvents", "JobLeases", "RetentionRuns", "PrivacyAcknowledgements", "AspNetUserTokens",
        "AspNetUserClaims", "AspNetUserLogins", "AspNetUserPasskeys", "__EFMigrationsHistory", "__EFMigrationsLock", "Notifications",
    };

    private sealed record Driver(
        string Id,
        string Role,
        Func<IPage, Task> Open,
        Func<IPage, int, Task>? Prepare = null,
        string? Submit = null,
        string? CatalogId = null,
        bool Restore = false,
        Func<IPage, ILocator>? Locate = null,
        bool BlankMeansNone = false)
    {
        /// <summary>The input fed: by its data-testid, or the first of several ("envelope-field", one per department and year).</summary>
        public ILocator Field(IPage page) => Locate?.Invoke(page) ?? page.GetByTestId(Id);
    }

    private sealed class Tally
    {
        /// <summary>The catalog's fields fed (an id with "{}" counts once however many of its instances were fed).</summary>
        public HashSet<string> Fields { get; } = [];
        public int Inputs { get; set; }
        public int Crashes { get; set; }
        public int SilentAcceptances { get; set; }
        public List<string> Findings { get; } = [];
        public List<string> Errors500 { get; } = [];

        public void Fed(FieldEntry entry) => Fields.Add(entry.Id);

        public void Find(string field, string input, string what) => Findings.Add($"{field} ← {input}: {what}");
    }

    private static int serial;

    private static IReadOnlyList<Driver> TextDrivers =>
    [
        new("field-description", DemoUsers.Manager, OpenProposalAsync, PrepareProposalAsync, "propose-submit"),
        new("field-work-impact", DemoUsers.Manager, OpenProposalAsync, PrepareProposalAsync, "propose-submit"),
        new("field-timing", DemoUsers.Manager, OpenProposalAsync, PrepareProposalAsync, "propose-submit"),
        new("field-new-email", DemoUsers.Admin, page => OpenAsync(page, "/admin?tab=users"), PrepareNewUserAsync, "create-user-submit"),
        new("field-new-name", DemoUsers.Admin, page => OpenAsync(page, "/admin?tab=users"), PrepareNewUserAsync, "create-user-submit"),
        new("field-new-department", DemoUsers.Admin, page => OpenAsync(page, "/admin?tab=users"), PrepareNewUserAsync, "create-user-submit"),
        new("field-user-search", DemoUsers.Admin, page => OpenAsync(page, "/admin?tab=users")),
        new("erase-search", DemoUsers.Admin, page => OpenAsync(page, "/admin?tab=privacy")),
        new("field-audit-person", DemoUsers.Admin, page => OpenAsync(page, "/admin/audit")),
        new("field-privacy-contact", DemoUsers.Admin, page => OpenAsync(page, "/admin?tab=privacy"), Submit: "privacy-contact-save"),
        new("field-exceptions-french", DemoUsers.Admin, page => OpenAsync(page, "/admin?tab=budget"), Submit: "agreement-terms-save"),
        new("field-exceptions-english", DemoUsers.Admin, page => OpenAsync(page, "/admin?tab=budget"), Submit: "agreement-terms-save"),
        new("field-code-of-ethics", DemoUsers.Admin, page => OpenAsync(page, "/admin?tab=budget"), Submit: "agreement-terms-save"),
    ];

    private static IReadOnlyList<Driver> NumberDrivers =>
    [
        new("field-budget-min", DemoUsers.Admin, page => OpenAsync(page, "/admin?tab=budget"), Submit: "budget-save", Restore: true),
        new("field-budget-max", DemoUsers.Admin, page => OpenAsync(page, "/admin?tab=budget"), Submit: "budget-save", Restore: true),
        new("field-small-group-threshold", DemoUsers.Admin, page => OpenAsync(page, "/admin?tab=budget"), Submit: "small-group-threshold-save", Restore: true),
        new("field-nudge-days", DemoUsers.Admin, page => OpenAsync(page, "/admin?tab=budget"), Submit: "stalling-save", Restore: true),
    ];

    /// <summary>Administration numbers held per person or per year: each restored after its inputs.</summary>
    private static IReadOnlyList<Driver> AdminNumberDrivers =>
    [
        new("field-profile-capacity", DemoUsers.Admin, OpenFirstProfileAsync, Submit: "profile-save", Restore: true),
        new("field-profile-rate", DemoUsers.Admin, OpenFirstProfileAsync, Submit: "profile-save", Restore: true),
        new("field-stalled-{}", DemoUsers.Admin, page => OpenAsync(page, "/admin?tab=budget"), Submit: "stalling-save", Restore: true,
            Locate: page => page.Locator("[data-testid^='field-stalled-']").First),
        new("retention-field-{}", DemoUsers.Admin, page => OpenAsync(page, "/admin?tab=privacy"), Submit: "retention-save", Restore: true,
            Locate: page => page.Locator("[data-testid^='retention-field-']").First),
        new("envelope-field", DemoUsers.Admin, page => OpenAsync(page, "/admin?tab=budget"), Submit: "envelope-save", Restore: true,
            Locate: page => page.GetByTestId("envelope-field").First, BlankMeansNone: true),
    ];

    private static async Task OpenFirstProfileAsync(IPage page)
    {
        await OpenAsync(page, "/admin?tab=interveners");
        await page.GetByTestId("edit-profile").First.ClickAsync();
        await Expect(page.GetByTestId("profile-editor")).ToBeVisibleAsync();
    }

    private SweepCases? cases;

    private SweepCases Cases => cases ??= new SweepCases(Fixture.Server);

    /// <summary>The case-page text fields, each on a case of its own put in the state that shows it (a new one once an input was stored and the field went).</summary>
    private IReadOnlyList<Driver> CaseTextDrivers =>
    [
        OnCase("field-verdict-2-comment", DemoUsers.Hr, SweepStep.Continued, "verdict-2-validate", catalogId: "field-verdict-{}-comment"),
        OnCase("field-verdict-5-comment", DemoUsers.Intervener2, SweepStep.Continued, "verdict-5-validate", catalogId: "field-verdict-{}-comment"),
        OnCase("field-cancel-reason", DemoUsers.Hr, SweepStep.Proposed, "dialog-confirm", reveal: ClickTestId("action-Cancel")),
        OnCase("field-referral-note", DemoUsers.Intervener2, SweepStep.InterviewHeld, "dialog-confirm", reveal: ClickTestId("action-Exclude")),
        OnCase("field-conflict-description", DemoUsers.Intervener2, SweepStep.InPreliminaryInterview, "action-DeclareConflict"),
        OnCase("field-objective-1-statement", DemoUsers.Beneficiary3, SweepStep.Accepted, "action-SetObjectives", fill: FillObjective, catalogId: "field-objective-{}-statement"),
        OnCase("field-objective-1-success", DemoUsers.Beneficiary3, SweepStep.Accepted, "action-SetObjectives", fill: FillObjective, catalogId: "field-objective-{}-success"),
        OnCase("field-extension-comment", DemoUsers.Intervener2, SweepStep.InSessions, "action-RequestExtension", fill: FillExtension),
        OnCase("field-note-text", DemoUsers.Intervener2, SweepStep.InSessions, "note-save"),
        OnCase("field-journal-text", DemoUsers.Beneficiary3, SweepStep.InSessions, "journal-save"),
        OnCase("field-closing-summary", DemoUsers.Intervener2, SweepStep.InSessions, "dialog-confirm", reveal: ClickTestId("action-Close")),
        OnCase("field-company-text", DemoUsers.Intervener2, SweepStep.Closed, "company-text-save"),
        OnCase("field-satisfaction-comment", DemoUsers.Beneficiary3, SweepStep.Closed, "action-RateSatisfaction", fill: FillSatisfaction),
        OnCase("field-between-item-text", DemoUsers.Intervener2, SweepStep.InSessions, "between-item-add"),
    ];

    /// <summary>The case-page number fields; every value of the sweep but 0 and the decimals is out of their range.</summary>
    private IReadOnlyList<Driver> CaseNumberDrivers =>
    [
        OnCase("field-interview-minutes", DemoUsers.Intervener2, SweepStep.ReadyForInterview, "action-RecordInterview"),
        OnCase("field-session-minutes", DemoUsers.Intervener2, SweepStep.ObjectivesSet, "action-LogSession"),
        OnCase("field-extension-minutes", DemoUsers.Intervener2, SweepStep.InSessions, "action-RequestExtension", fill: FillExtension),
        OnCase("field-budget-hours", DemoUsers.Hr, SweepStep.Accepted, "action-SetBudget"),
        OnCase("field-objective-1-before", DemoUsers.Beneficiary3, SweepStep.Accepted, "action-SetObjectives", fill: FillObjective, catalogId: "field-objective-{}-before"),
        OnCase("field-satisfaction-score", DemoUsers.Beneficiary3, SweepStep.Closed, "action-RateSatisfaction", fill: FillSatisfaction),
    ];

    private Driver OnCase(string id, string role, SweepStep step, string submit, Func<IPage, Task>? reveal = null, Func<IPage, Task>? fill = null, string? catalogId = null)
    {
        async Task Open(IPage page)
        {
            await OpenCaseAsync(page, await Cases.NewAsync(step));
            await SettleLightAsync(page);
            if (reveal is not null)
            {
                await reveal(page);
            }

            await Expect(page.GetByTestId(id)).ToBeVisibleAsync();
        }

        async Task Prepare(IPage page, int serial)
        {
            // Gone (the state moved on) or disabled (a score kept from objectives set earlier): a new case.
            if (await page.GetByTestId(id).CountAsync() == 0 || !await page.GetByTestId(id).IsEnabledAsync())
            {
                await Open(page);
            }

            if (fill is not null)
            {
                await fill(page);
            }
        }

        return new Driver(id, role, Open, Prepare, submit, catalogId);
    }

    private static Func<IPage, Task> ClickTestId(string testId) => page => page.GetByTestId(testId).ClickAsync();

    /// <summary>Valid values in the fields of the objective's line; the sweep then writes over the one it feeds.</summary>
    private static async Task FillObjective(IPage page)
    {
        await page.GetByTestId("field-objective-1-statement").FillAsync("Conduire mes entretiens");
        await page.GetByTestId("field-objective-1-success").FillAsync("Deux entretiens tenus");
        if (await page.GetByTestId("field-objective-1-before").IsEnabledAsync())
        {
            await page.GetByTestId("field-objective-1-before").FillAsync("4");
        }
    }

    private static async Task FillExtension(IPage page)
    {
        await page.GetByTestId("field-extension-minutes").FillAsync("60");
        await page.GetByTestId($"extension-category-{ExtensionCategory.Other}").ClickAsync();
        await page.GetByTestId("field-extension-comment").FillAsync("Deux séances de plus");
    }

    private static async Task FillSatisfaction(IPage page)
    {
        await page.GetByTestId("field-satisfaction-score").FillAsync("8");
        await page.GetByTestId("field-satisfaction-comment").FillAsync("Utile");
    }

    [Fact]
    public async Task Every_reachable_text_field_survives_long_blank_nul_and_hostile_input()
    {
        var tally = new Tally();
        var pages = new Dictionary<string, IPage>();
        try
        {
            foreach (var driver in TextDrivers.Concat(CaseTextDrivers))
            {
                var entry = FieldCatalog.Get(driver.CatalogId ?? driver.Id);
                var page = await PageForAsync(pages, driver.Role, tally);
                await driver.Open(page);
                tally.Fed(entry);
                foreach (var (name, value) in TextInputs)
                {
                    tally.Inputs++;
                    await FeedAsync(page, driver, entry, name, value, invalid: name == "NUL", tally);
                }
            }
        }
        finally
        {
            await Cases.RetireAsync();
        }

        Report(FieldKind.Text, tally);
        tally.Crashes.Should().Be(0);
        tally.Errors500.Should().BeEmpty();
        tally.Findings.Should().BeEmpty();
    }

    [Fact]
    public async Task Every_reachable_number_field_refuses_what_is_not_a_number_in_range_with_a_message()
    {
        var tally = new Tally();
        var pages = new Dictionary<string, IPage>();
        try
        {
            foreach (var driver in NumberDrivers.Concat(AdminNumberDrivers).Concat(CaseNumberDrivers))
            {
                var entry = FieldCatalog.Get(driver.CatalogId ?? driver.Id);
                var page = await PageForAsync(pages, driver.Role, tally);
                await driver.Open(page);
                var original = await driver.Field(page).InputValueAsync();
                tally.Fed(entry);
                foreach (var (value, invalid) in NumberInputs)
                {
                    tally.Inputs++;
                    // A blank envelope is "no envelope for that year" (the editor's help says so), not a number misread.
                    await FeedAsync(page, driver, entry, $"\"{value}\"", value, invalid && !(driver.BlankMeansNone && value.Length == 0), tally);
                }

                if (driver.Restore)
                {
                    // Leave the setting as it was for the other tests of the collection.
                    await driver.Open(page);
                    await driver.Field(page).FillAsync(original);
                    await driver.Field(page).PressAsync("Tab");
                    await page.GetByTestId(driver.Submit!).ClickAsync();
                    await SettleLightAsync(page);
                }
            }
        }
        finally
        {
            await Cases.RetireAsync();
        }

        Report(FieldKind.Number, tally);
        tally.Crashes.Should().Be(0);
        tally.Errors500.Should().BeEmpty();
        tally.Findings.Should().BeEmpty();
    }

    private async Task<IPage> PageForAsync(Dictionary<string, IPage> pages, string role, Tally tally)
    {
        if (!pages.TryGetValue(role, out var page))
        {
            page = await SignInAsync(role);
            page.Response += (_, response) =>
            {
                if (response.Status >= 500)
                {
                    tally.Errors500.Add($"{response.Status} {response.Url}");
                }
            };
            pages[role] = page;
        }

        return page;
    }

    private async Task FeedAsync(IPage page, Driver driver, FieldEntry entry, string inputName, string value, bool invalid, Tally tally)
    {
        var home = page.Url;
        if (driver.Prepare is not null)
        {
            await driver.Prepare(page, Interlocked.Increment(ref serial));
        }

        var field = driver.Field(page);
        var before = Fingerprint();
        await field.FillAsync(value);
        await field.PressAsync("Tab");
        var typed = await field.InputValueAsync();
        if (entry.Limit is { } limit && typed.Length > limit)
        {
            tally.Find(driver.Id, inputName, $"the browser holds {typed.Length} characters, over the limit of {limit}");
        }

        // A dialog whose confirm button stays disabled on a blank text refuses by itself: nothing to click.
        if (driver.Submit is not null && await page.GetByTestId(driver.Submit).IsEnabledAsync())
        {
            await page.GetByTestId(driver.Submit).ClickAsync();
            await page.WaitForTimeoutAsync(300);
        }

        if (await CrashedAsync(page))
        {
            tally.Crashes++;
            tally.Find(driver.Id, inputName, "the circuit is gone (error banner or reconnection)");
            await driver.Open(page);
            return;
        }

        await SettleLightAsync(page);
        var stored = Fingerprint() != before;
        var messages = await MessagesAsync(page);
        foreach (var english in EnglishDefaults.Where(e => messages.Any(m => m.Contains(e, StringComparison.Ordinal))))
        {
            tally.Find(driver.Id, inputName, $"English default \"{english}\" on a French page");
        }

        if (driver.Submit is not null && stored && invalid && (typed.Contains('\0') || entry.Kind == FieldKind.Number))
        {
            tally.SilentAcceptances++;
            tally.Find(driver.Id, inputName, messages.Count == 0 ? "stored without a word" : $"stored despite \"{string.Join(" | ", messages)}\"");
        }
        else if (driver.Submit is not null && !stored && invalid && messages.Count == 0)
        {
            tally.Find(driver.Id, inputName, "refused without a message next to the field");
        }

        if (await page.EvaluateAsync<bool>("() => window.__sweep === 1") || await page.Locator("b[data-sweep]").CountAsync() > 0)
        {
            tally.Find(driver.Id, inputName, "stored markup was rendered as markup");
        }

        // The circuit still answers: back on the form, a value typed is bound and rendered again by the server.
        if (page.Url != home || await field.CountAsync() == 0)
        {
            await driver.Open(page);
        }

        if (entry.Kind == FieldKind.Text)
        {
            await field.FillAsync("ok");
            await field.PressAsync("Tab");
            await Expect(page.Locator(".mud-input-control").Filter(new LocatorFilterOptions { Has = field })).ToContainTextAsync($"2 / {entry.Limit}");
        }
        else
        {
            await Expect(page.Locator("[data-interactive=true]").First).ToBeAttachedAsync();
        }

        if (await CrashedAsync(page))
        {
            tally.Crashes++;
            tally.Find(driver.Id, inputName, "the circuit died after the input");
            await driver.Open(page);
        }
    }

    /// <summary>The circuit is live and nothing is loading (a search that finds nothing leaves an empty table: no row to wait for).</summary>
    private static async Task SettleLightAsync(IPage page)
    {
        await EndToEndFixture.WaitForInteractiveAsync(page);
        await Expect(page.Locator(".mud-progress-indeterminate, .mud-table-loading, .mud-table-loading-progress")).ToHaveCountAsync(0);
    }

    private static async Task<bool> CrashedAsync(IPage page) =>
        await page.Locator("#blazor-error-ui").IsVisibleAsync() || await page.Locator("#components-reconnect-modal").IsVisibleAsync();

    /// <summary>What the page says about the input: a field's error, the form's error message, an error alert.</summary>
    private static async Task<List<string>> MessagesAsync(IPage page)
    {
        var texts = await page.Locator(".mud-input-error, [data-testid=error-message], .mud-alert-text-error, .mud-snackbar").AllInnerTextsAsync();
        return [.. texts.Select(t => t.Trim()).Where(t => t.Length > 0)];
    }

    private static async Task OpenProposalAsync(IPage page)
    {
        await OpenAsync(page, "/cases/new");
        await Expect(page.GetByTestId("proposal-form")).ToBeVisibleAsync();
    }

    private static async Task PrepareProposalAsync(IPage page, int serial)
    {
        if (await page.GetByTestId("proposal-form").CountAsync() == 0)
        {
            await OpenProposalAsync(page);
        }

        var proposal = new Proposal("Thomas Bernard");
        var beneficiary = page.Locator("div.mud-input-control").Filter(new LocatorFilterOptions { Has = page.GetByTestId("field-beneficiary") });
        if (!(await beneficiary.InnerTextAsync()).Contains(proposal.BeneficiaryName, StringComparison.Ordinal))
        {
            await ChooseAsync(page, "field-beneficiary", proposal.BeneficiaryName);
        }

        await page.GetByTestId($"field-domain-{CoachingDomain.ManagementAndCommunication}").CheckAsync();
        await page.GetByTestId($"field-topic-{proposal.Topic}").CheckAsync();
        await page.GetByTestId("field-description").FillAsync(proposal.Description);
        await page.GetByTestId("field-work-impact").FillAsync(proposal.WorkImpact);
        await page.GetByTestId("field-timing").FillAsync(proposal.Timing);
        for (var item = 1; item <= 6 && await page.GetByTestId("offer-checklist").CountAsync() > 0; item++)
        {
            await page.GetByTestId($"field-checklist-{item}").CheckAsync();
        }
    }

    private static async Task PrepareNewUserAsync(IPage page, int serial)
    {
        await page.GetByTestId("field-new-email").FillAsync($"balayage-{serial}@demo.local");
        await page.GetByTestId("field-new-name").FillAsync($"Personne Balayage {serial}");
        await page.GetByTestId("field-new-department").FillAsync("Logistique");
    }

    /// <summary>A hash of every business table (see <see cref="NotBusiness"/>); for accounts, what an admin sets.</summary>
    private string Fingerprint()
    {
        using var connection = new SqliteConnection($"Data Source={Fixture.Server.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var table in tables.Where(t => !NotBusiness.Contains(t)))
        {
            using var command = connection.CreateCommand();
            command.CommandText = table == "AspNetUsers"
                ? "SELECT Id, Email, DisplayName, Department, ManagerId FROM AspNetUsers ORDER BY Id"
                : $"SELECT * FROM \"{table}\" ORDER BY rowid";
            using var reader = command.ExecuteReader();
            hash.AppendData(Encoding.UTF8.GetBytes(table));
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    hash.AppendData(Encoding.UTF8.GetBytes(reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? ""));
                    hash.AppendData([0x1F]);
                }
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static void Report(FieldKind kind, Tally tally)
    {
        var output = TestContext.Current.TestOutputHelper;
        var ofKind = FieldCatalog.All.Where(f => f.Kind == kind).Select(f => f.Id).ToList();
        output?.WriteLine($"Bad-input sweep ({kind}): {tally.Fields.Count} fields fed of the catalog's {ofKind.Count} {kind} fields " +
            $"({FieldCatalog.All.Count} fields of every kind in the catalog), {tally.Inputs} inputs, {tally.Crashes} crashes, " +
            $"{tally.SilentAcceptances} silent acceptances, {tally.Errors500.Count} HTTP 500, {tally.Findings.Count} findings.");
        output?.WriteLine($"  not fed: {string.Join(", ", ofKind.Except(tally.Fields))}");
        foreach (var finding in tally.Findings.Concat(tally.Errors500))
        {
            output?.WriteLine("  " + finding);
        }
    }
}

/// <summary>One app and browser for the sweep alone.</summary>
public sealed class BadInputFixture : EndToEndFixture;

[CollectionDefinition(Name)]
public sealed class BadInputCollection : ICollectionFixture<BadInputFixture>
{
    public const string Name = "e2e-bad-input";
}
