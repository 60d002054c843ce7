using CoupDePousse.Tests.EndToEnd.Steps;
using CoupDePousse.Tests.EndToEnd.Support;
using Microsoft.Playwright;
using static CoupDePousse.Tests.EndToEnd.Steps.CaseFlows;
using static Microsoft.Playwright.Assertions;

namespace CoupDePousse.Tests.EndToEnd.Confidentiality;

/// <summary>
/// What one person writes or owns never reaches another person's screen: the intervener's session notes on no page
/// anyone else can open, and someone else's case answers exactly like a case that does not exist.
/// </summary>
public sealed class ConfidentialityTests(EndToEndFixture fixture) : EndToEndTest(fixture)
{
    /// <summary>The pages each role can reach from its navigation; case pages are added from the lists they show.</summary>
    private static readonly Dictionary<string, string[]> PagesOf = new()
    {
        [DemoUsers.Hr] = ["/", "/cases", "/pipeline", "/cases/new", "/Account/Manage", "/my-data"],
        [DemoUsers.Manager] = ["/", "/cases", "/cases/new", "/Account/Manage", "/my-data"],
        [DemoUsers.Admin] = ["/", "/cases", "/admin?tab=users", "/admin?tab=interveners", "/admin?tab=budget", "/admin?tab=resources", "/Account/Manage", "/my-data"],
        [DemoUsers.Beneficiary] = ["/", "/cases", "/cases/new", "/Account/Manage", "/my-data"],
        [DemoUsers.Intervener2] = ["/", "/cases", "/Account/Manage", "/my-data"],
    };

    [Fact]
    public async Task Session_notes_never_appear_on_any_page_another_person_can_open()
    {
        // Isabelle writes a private note on Sophie's coup de pousse, in sessions.
        var isabelle = await SignInAsync(DemoUsers.Intervener);
        var caseId = await FindSophiesCaseInSessionsAsync(isabelle);
        var marker = Marker("Note privée de séance");
        await WriteSessionNoteAsync(isabelle, caseId, marker);
        await Expect(isabelle.Locator("[data-testid=notes-private]")).ToBeVisibleAsync();

        // Everyone else crawls every page they can reach: the note is nowhere.
        foreach (var (email, pages) in PagesOf)
        {
            var page = await SignInAsync(email);
            var crawled = await CrawlAsync(page, pages, marker);
            TestContext.Current.TestOutputHelper?.WriteLine($"{email}: {crawled.Pages.Count} pages, {crawled.Cases.Count} case pages");
            if (email is DemoUsers.Hr or DemoUsers.Manager or DemoUsers.Beneficiary)
            {
                crawled.Cases.Should().Contain(caseId, "{0} can open Sophie's case from their lists, so its page was checked too", email);
            }
            if (email is DemoUsers.Hr or DemoUsers.Beneficiary)
            {
                crawled.Agreements.Should().Contain(caseId, "{0} is a party to Sophie's agreement, so its page was checked too", email);
            }
            else
            {
                crawled.Agreements.Should().NotContain(caseId, "{0} is no party to Sophie's agreement: no page of theirs leads to it", email);
            }
            if (email == DemoUsers.Manager)
            {
                crawled.Agreements.Should().BeEmpty("a manager never reaches an agreement, not even of the cases they proposed");
            }
            if (email == DemoUsers.Hr)
            {
                // Every page of the pipeline's table (10 rows a page) was read, so every case of the company was opened.
                crawled.PipelineMatching.Should().BeGreaterThan(0);
                crawled.Pages.Count(p => p.StartsWith("/pipeline", StringComparison.Ordinal))
                    .Should().Be((crawled.PipelineMatching!.Value + 9) / 10, "every page of the pipeline table is read");
                crawled.PipelineCases.Should().HaveCount(crawled.PipelineMatching.Value);
                crawled.Cases.Should().Contain(crawled.PipelineCases);
            }
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_beneficiarys_journal_reaches_nobody_else_and_the_intervener_reads_only_what_is_shared()
    {
        // Sophie writes two entries on her case and shares one with Isabelle.
        var isabelle = await SignInAsync(DemoUsers.Intervener);
        var caseId = await FindSophiesCaseInSessionsAsync(isabelle);
        var marker = Marker("Journal");
        var sophie = await SignInAsync(DemoUsers.Beneficiary);
        await OpenCaseAsync(sophie, caseId);
        foreach (var text in new[] { $"{marker} partagé", $"{marker} privé" })
        {
            await sophie.Locator("[data-testid=field-journal-text]").FillAsync(text);
            await sophie.Locator("[data-testid=journal-save]").ClickAsync();
            await Expect(sophie.Locator("[data-testid=journal-entry]").Filter(new() { HasText = text })).ToHaveCountAsync(1);
        }
        var shared = sophie.Locator("[data-testid=journal-entry]").Filter(new() { HasText = $"{marker} partagé" });
        await shared.GetByTestId("journal-share").CheckAsync();
        await Expect(shared).ToHaveAttributeAsync("data-shared", "true");

        // Isabelle reads the shared entry, never the other one.
        await OpenCaseAsync(isabelle, caseId);
        await Expect(isabelle.Locator("[data-testid=journal-shared-entry]").Filter(new() { HasText = $"{marker} partagé" })).ToHaveCountAsync(1);
        await ShouldNotContainAnyAsync(isabelle, [$"{marker} privé"], "an entry not shared is the beneficiary's alone");

        // HR, the manager, the admin and the other intervener crawl every page they can reach: neither entry is anywhere.
        foreach (var (email, pages) in PagesOf.Where(p => p.Key != DemoUsers.Beneficiary))
        {
            var page = await SignInAsync(email);
            await CrawlAsync(page, pages, marker);
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Resources_and_action_items_between_sessions_reach_nobody_but_the_two_parties()
    {
        // Isabelle shares a resource on Sophie's case and sets an action; Sophie adds her own.
        var isabelle = await SignInAsync(DemoUsers.Intervener);
        var caseId = await FindSophiesCaseInSessionsAsync(isabelle);
        var marker = Marker("Action");
        await OpenCaseAsync(isabelle, caseId);
        await isabelle.GetByTestId("library").Locator("summary").ClickAsync();
        var choice = isabelle.GetByTestId("library-choice").First;
        var title = (await choice.Locator("strong").InnerTextAsync()).Trim();
        await choice.GetByTestId("resource-share").ClickAsync();
        await Expect(isabelle.GetByTestId("shared-resource").Filter(new() { HasText = title })).ToHaveCountAsync(1);
        await isabelle.GetByTestId("field-between-item-text").FillAsync($"{marker} intervenant");
        await isabelle.GetByTestId("between-item-add").ClickAsync();
        await Expect(isabelle.GetByTestId("between-item").Filter(new() { HasText = $"{marker} intervenant" })).ToHaveCountAsync(1);
        var sophie = await SignInAsync(DemoUsers.Beneficiary);
        await OpenCaseAsync(sophie, caseId);
        await Expect(sophie.GetByTestId("shared-resource").Filter(new() { HasText = title })).ToHaveCountAsync(1);
        await sophie.GetByTestId("field-between-item-text").FillAsync($"{marker} bénéficiaire");
        await sophie.GetByTestId("between-item-add").ClickAsync();
        await Expect(sophie.GetByTestId("between-item").Filter(new() { HasText = marker })).ToHaveCountAsync(2);

        // HR, the manager, the admin and the other intervener crawl every page they can reach: no action anywhere, and no shared resource on the case.
        foreach (var (email, pages) in PagesOf.Where(p => p.Key != DemoUsers.Beneficiary))
        {
            var page = await SignInAsync(email);
            var crawled = await CrawlAsync(page, pages, marker);
            if (email is DemoUsers.Hr or DemoUsers.Manager)
            {
                crawled.Cases.Should().Contain(caseId, "{0} can open Sophie's case, so its page was checked too", email);
                await OpenCaseAsync(page, caseId);
                await Expect(page.Locator("[data-testid=between-sessions], [data-testid=shared-resource], [data-testid=between-item]")).ToHaveCountAsync(0);
                await ShouldNotContainAnyAsync(page, [title], "a resource shared on a case is between its two parties");
            }
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_company_text_not_yet_approved_never_appears_on_any_page_another_person_can_open()
    {
        // Isabelle drafts a new company text on Thomas's closed case: it waits for his approval.
        var isabelle = await SignInAsync(DemoUsers.Intervener);
        await OpenAsync(isabelle, "/cases");
        var row = isabelle.Locator("[data-testid=case-list] tbody tr")
            .Filter(new() { Has = isabelle.Locator("[data-state=Closed]") })
            .Filter(new() { HasText = "Thomas Bernard" }).First;
        var caseId = Guid.Parse((await row.Locator("[data-testid=case-row]").GetAttributeAsync("data-case-id"))!);
        var marker = Marker("Texte pour l'entreprise");
        await OpenCaseAsync(isabelle, caseId);
        await isabelle.GetByTestId("field-company-text").FillAsync(marker);
        await isabelle.GetByTestId("company-text-save").ClickAsync();
        await Expect(isabelle.GetByTestId("company-text-status")).ToHaveAttributeAsync("data-status", "AwaitingApproval");

        foreach (var (email, pages) in PagesOf)
        {
            var page = await SignInAsync(email);
            var crawled = await CrawlAsync(page, pages, marker);
            if (email == DemoUsers.Hr)
            {
                crawled.Cases.Should().Contain(caseId, "HR can open Thomas's case, so its page was checked too");
            }
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_declared_conflicts_description_never_appears_on_any_page_another_person_can_open()
    {
        // Marc, assigned to Thomas's new coup de pousse, declares a conflict of interest before the interview.
        var marc = await SignInAsync(DemoUsers.Intervener2);
        await OpenAsync(marc, "/cases");
        var row = marc.Locator("[data-testid=case-list] tbody tr")
            .Filter(new() { Has = marc.Locator("[data-state=PreliminaryInterview]") })
            .Filter(new() { HasText = "Thomas Bernard" }).First;
        var caseId = Guid.Parse((await row.Locator("[data-testid=case-row]").GetAttributeAsync("data-case-id"))!);
        var marker = Marker("Conflit déclaré");
        await OpenCaseAsync(marc, caseId);
        await FillTextAsync(marc.GetByTestId("field-conflict-description"), marker);
        await ClickAndWaitForHistoryAsync(marc, marc.GetByTestId("action-DeclareConflict"), CoupDePousse.Domain.Cases.CaseTrigger.DeclareConflict);
        await Expect(marc.GetByTestId("conflict-declaration")).ToHaveAttributeAsync("data-status", "ConflictDeclared");
        await Expect(marc.GetByTestId("conflict-description")).ToHaveTextAsync(marker);

        // HR, the manager, the admin, Thomas himself and Isabelle crawl every page they can reach: the description is nowhere.
        var others = new Dictionary<string, string[]>
        {
            [DemoUsers.Hr] = PagesOf[DemoUsers.Hr],
            [DemoUsers.Manager] = PagesOf[DemoUsers.Manager],
            [DemoUsers.Admin] = PagesOf[DemoUsers.Admin],
            [DemoUsers.Beneficiary2] = PagesOf[DemoUsers.Beneficiary],
            [DemoUsers.Intervener] = PagesOf[DemoUsers.Intervener2],
        };
        foreach (var (email, pages) in others)
        {
            var page = await SignInAsync(email);
            var crawled = await CrawlAsync(page, pages, marker);
            if (email is DemoUsers.Hr or DemoUsers.Beneficiary2)
            {
                crawled.Cases.Should().Contain(caseId, "{0} can open Thomas's case, so its page was checked too", email);
            }
            if (email == DemoUsers.Hr)
            {
                await OpenCaseAsync(page, caseId);
                await Expect(page.GetByTestId("conflict-declaration")).ToHaveAttributeAsync("data-status", "ConflictDeclared");
            }
            await page.Context.CloseAsync();
        }

        // Marc takes the conflict back before HR decides: Thomas's story is as the other journeys expect it.
        await OpenCaseAsync(marc, caseId);
        await ClickAndWaitForHistoryAsync(marc, marc.GetByTestId("action-DeclareNoConflict"), CoupDePousse.Domain.Cases.CaseTrigger.DeclareNoConflict);
    }

    [Fact]
    public async Task The_satisfaction_word_and_the_scores_reach_only_the_intervener()
    {
        // Thomas answers the satisfaction question on his closed case, with a word for Isabelle.
        var thomas = await SignInAsync(DemoUsers.Beneficiary2);
        await OpenAsync(thomas, "/cases");
        var row = thomas.Locator("[data-testid=case-list] tbody tr").Filter(new() { Has = thomas.Locator("[data-state=Closed]") }).First;
        var caseId = Guid.Parse((await row.Locator("[data-testid=case-row]").GetAttributeAsync("data-case-id"))!);
        var marker = Marker("Mot de satisfaction");
        await OpenCaseAsync(thomas, caseId);
        await Expect(thomas.GetByTestId("progress-row")).Not.ToHaveCountAsync(0);
        await FillNumberAsync(thomas.GetByTestId("field-satisfaction-score"), 10);
        await FillTextAsync(thomas.GetByTestId("field-satisfaction-comment"), marker);
        await thomas.GetByTestId("action-RateSatisfaction").ClickAsync();
        await Expect(thomas.GetByTestId("satisfaction-comment")).ToContainTextAsync(marker);

        // Isabelle reads it with the scores.
        var isabelle = await SignInAsync(DemoUsers.Intervener);
        await OpenCaseAsync(isabelle, caseId);
        await Expect(isabelle.GetByTestId("satisfaction-comment")).ToContainTextAsync(marker);
        await Expect(isabelle.GetByTestId("progress-row")).Not.ToHaveCountAsync(0);

        // HR, the managers, the admin, the other intervener and another beneficiary crawl every page they can reach: the word is nowhere, nor any case's scores.
        foreach (var (email, pages) in PagesOf)
        {
            var page = await SignInAsync(email);
            var crawled = await CrawlAsync(page, pages, marker);
            if (email == DemoUsers.Hr)
            {
                crawled.Cases.Should().Contain(caseId, "HR can open Thomas's case, so its page was checked too");
                await OpenCaseAsync(page, caseId);
                await Expect(page.GetByTestId("objective-progress")).ToHaveCountAsync(0);
                await Expect(page.GetByTestId("satisfaction-answer")).ToHaveCountAsync(0);
            }
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Opening_another_persons_case_by_its_address_gives_not_found()
    {
        var isabelle = await SignInAsync(DemoUsers.Intervener);
        var sophiesCase = await FindSophiesCaseInSessionsAsync(isabelle);

        // The address works for those the case belongs to...
        var manager = await SignInAsync(DemoUsers.Manager);
        await OpenCaseAsync(manager, sophiesCase);
        await Expect(manager.Locator("[data-testid=case-page]")).ToHaveAttributeAsync("data-relation", "Proposer");
        var sophie = await SignInAsync(DemoUsers.Beneficiary);
        await OpenCaseAsync(sophie, sophiesCase);
        await Expect(sophie.Locator("[data-testid=case-page]")).ToHaveAttributeAsync("data-relation", "Beneficiary");

        // ...and for anyone else it is the same page as a case that does not exist.
        var unknown = Guid.NewGuid();
        var reference = await NotFoundAsync(await SignInAsync(DemoUsers.Beneficiary3), unknown, null);
        var seen = new List<(string Who, NotFoundPage Page)>
        {
            ("beneficiary3@ opening Sophie's case", await NotFoundAsync(await SignInAsync(DemoUsers.Beneficiary3), sophiesCase, reference)),
            ("manager2@ opening a case manager@ proposed", await NotFoundAsync(await SignInAsync(DemoUsers.Manager2), sophiesCase, reference)),
            ("intervener2@ opening a case assigned to intervener@", await NotFoundAsync(await SignInAsync(DemoUsers.Intervener2), sophiesCase, reference)),
            ("admin@ opening a case", await NotFoundAsync(await SignInAsync(DemoUsers.Admin), sophiesCase, reference)),
            ("admin@ opening a random address", await NotFoundAsync(await SignInAsync(DemoUsers.Admin), Guid.NewGuid(), reference)),
        };

        // The agreement's page answers like the case: its three parties read it, for anyone else it does not exist.
        await OpenAsync(sophie, $"/cases/{sophiesCase}/agreement");
        await Expect(sophie.GetByTestId("agreement-page")).ToBeVisibleAsync();
        seen.AddRange(
        [
            ("manager@ opening the agreement of a case they proposed", await NotFoundAsync(manager, $"/cases/{sophiesCase}/agreement", reference)),
            ("manager2@ opening an agreement", await NotFoundAsync(await SignInAsync(DemoUsers.Manager2), $"/cases/{sophiesCase}/agreement", reference)),
            ("intervener2@ opening another intervener's agreement", await NotFoundAsync(await SignInAsync(DemoUsers.Intervener2), $"/cases/{sophiesCase}/agreement?version=1", reference)),
            ("admin@ opening an agreement", await NotFoundAsync(await SignInAsync(DemoUsers.Admin), $"/cases/{sophiesCase}/agreement", reference)),
            ("beneficiary3@ opening someone else's agreement", await NotFoundAsync(await SignInAsync(DemoUsers.Beneficiary3), $"/cases/{sophiesCase}/agreement", reference)),
            ("admin@ opening the agreement of a random address", await NotFoundAsync(await SignInAsync(DemoUsers.Admin), $"/cases/{Guid.NewGuid()}/agreement", reference)),
        ]);

        foreach (var (who, page) in seen)
        {
            page.Should().BeEquivalentTo(reference, "{0} must see exactly the not-found page of an unknown case", who);
        }
    }

    private sealed record NotFoundPage(int? Status, string Title, string Text);

    /// <summary>Opens a case address and reads the not-found page; nothing of the case may be on it.</summary>
    private static Task<NotFoundPage> NotFoundAsync(IPage page, Guid caseId, NotFoundPage? reference) =>
        NotFoundAsync(page, $"/cases/{caseId}", reference);

    private static async Task<NotFoundPage> NotFoundAsync(IPage page, string address, NotFoundPage? reference)
    {
        var response = await page.GotoAsync(address);
        await SettleAsync(page);
        await Expect(page.Locator("[data-testid=not-found]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=case-page], [data-testid=case-state], [data-testid=case-status], [data-testid=agreement-page]")).ToHaveCountAsync(0);
        await ShouldNotContainAnyAsync(page, ["Sophie", "Lefèvre", "Isabelle", "recadrage"], "an unreachable case shows nothing of itself");
        var seen = new NotFoundPage(response?.Status, await page.TitleAsync(), (await page.Locator("[data-testid=not-found]").InnerTextAsync()).Trim());
        if (reference is not null)
        {
            seen.Should().BeEquivalentTo(reference);
        }
        return seen;
    }

    private sealed record Crawl(List<string> Pages, HashSet<Guid> Cases)
    {
        /// <summary>The cases whose agreement page the crawl could open from their case page, and read.</summary>
        public HashSet<Guid> Agreements { get; } = [];

        public int? PipelineMatching { get; set; }

        public HashSet<Guid> PipelineCases { get; } = [];
    }

    /// <summary>Opens every page of <paramref name="addresses"/>, every page of their tables, and every case they list; none may hold the marker.</summary>
    private static async Task<Crawl> CrawlAsync(IPage page, IEnumerable<string> addresses, string marker)
    {
        var crawl = new Crawl([], []);
        foreach (var address in addresses)
        {
            if (address.StartsWith("/Account/", StringComparison.Ordinal))
            {
                await OpenStaticAsync(page, address);
                await CheckAsync(page, crawl, address, marker);
                continue;
            }

            await OpenAsync(page, address);
            var isPipeline = address == "/pipeline";
            if (isPipeline)
            {
                var matching = page.Locator("[data-testid=pipeline-matching]");
                await Expect(matching).ToBeVisibleAsync();
                crawl.PipelineMatching = int.Parse((await matching.GetAttributeAsync("data-count"))!);
            }
            var tablePage = 1;
            while (true)
            {
                var ids = await CollectCasesAsync(page, crawl);
                if (isPipeline)
                {
                    crawl.PipelineCases.UnionWith(ids);
                }
                await CheckAsync(page, crawl, tablePage == 1 ? address : $"{address}#page{tablePage}", marker);
                if (!await NextTablePageAsync(page))
                {
                    break;
                }
                tablePage++;
            }
        }

        foreach (var caseId in crawl.Cases.ToList())
        {
            await OpenCaseAsync(page, caseId);
            await UnfoldAsync(page);
            await CheckAsync(page, crawl, $"/cases/{caseId}", marker);
            if (await page.GetByTestId("agreement-open").CountAsync() > 0)
            {
                await OpenAsync(page, $"/cases/{caseId}/agreement");
                await Expect(page.GetByTestId("agreement-page")).ToBeVisibleAsync();
                await CheckAsync(page, crawl, $"/cases/{caseId}/agreement", marker);
                crawl.Agreements.Add(caseId);
            }
        }
        return crawl;
    }

    private static async Task CheckAsync(IPage page, Crawl crawl, string label, string marker)
    {
        await ShouldNotContainAnyAsync(page, [marker], "a session note is the intervener's alone");
        crawl.Pages.Add(label);
    }

    private static async Task<IReadOnlyList<Guid>> CollectCasesAsync(IPage page, Crawl crawl)
    {
        var ids = (await page.Locator("[data-testid=case-row]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.caseId)"))
            .Select(Guid.Parse).ToList();
        crawl.Cases.UnionWith(ids);
        return ids;
    }

    /// <summary>Goes to the next page of the page's paged table of cases; false when there is none or it is the last.</summary>
    private static async Task<bool> NextTablePageAsync(IPage page)
    {
        var next = page.Locator(".mud-table-pagination-actions button").Nth(2);
        if (await page.Locator("[data-testid=case-row]").CountAsync() == 0 || await next.CountAsync() == 0 || await next.IsDisabledAsync())
        {
            return false;
        }
        var firstRow = await page.Locator("[data-testid=case-row]").First.GetAttributeAsync("data-case-id");
        await next.ClickAsync();
        await Expect(page.Locator("[data-testid=case-row]").First).Not.ToHaveAttributeAsync("data-case-id", firstRow!);
        await SettleAsync(page);
        return true;
    }

    /// <summary>Shows what a case page folds away (all history, criteria detail), so that it is read too.</summary>
    private static async Task UnfoldAsync(IPage page)
    {
        foreach (var testId in new[] { "history-all", "criteria-expand" })
        {
            var button = page.Locator($"[data-testid={testId}]");
            if (await button.CountAsync() > 0)
            {
                await button.First.ClickAsync();
                await Expect(button).ToHaveCountAsync(0);
            }
        }
    }
}
