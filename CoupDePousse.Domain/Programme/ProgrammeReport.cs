using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Domain.Common;

namespace CoupDePousse.Domain.Programme;

/// <summary>A figure computed over a group of cases (a rate, a median): the group's count and the value, each null when withheld.</summary>
public sealed record ReportValue(int? Cases, double? Value)
{
    public static ReportValue Withheld { get; } = new(null, null);
}

/// <summary>
/// HR's programme report for one year (decision 033): every count passed through the small-group rule with complementary
/// suppression (<see cref="StatisticsTable{TKey}"/>, decision 015), every rate or median shown only over a shown count of at
/// least the threshold. A null count is withheld.
/// </summary>
public sealed record ProgrammeReport(
    int Year,
    int Threshold,
    int? Total,
    IReadOnlyList<(int Month, int? Cases)> ByMonth,
    IReadOnlyList<(string Department, int? Cases)> ByDepartment,
    IReadOnlyList<(CoachingDomain Domain, int? Cases)> ByDomain,
    IReadOnlyList<(CaseEnd End, int? Cases)> Ends,
    int? Decided,
    int? Accepted,
    ReportValue AcceptanceRate,
    ReportValue MedianDaysToInterview,
    ReportValue MedianDaysToFirstSession,
    ReportValue MedianShareOfBudgetUsed,
    int? ExtensionsRequested,
    int? ExtensionsApproved,
    int? RatedCases,
    IReadOnlyList<(ObjectivesResult Result, int? Cases)> Objectives,
    MeasureSummary Measures)
{
    /// <summary>Builds the report from the year's grouped facts.</summary>
    public static ProgrammeReport Compute(ProgrammeReportFacts facts, SmallGroupThreshold threshold)
    {
        var table = Tabulate(facts);
        var shown = table.Suppress(threshold);

        ReportValue Over(string key, Func<double?> value) =>
            shown[key] is { } count && count >= threshold.Value ? new ReportValue(count, value()) : new ReportValue(shown[key], null);

        var accepted = table[Keys.Accepted];
        var decided = table[Keys.Decided];
        var rate = shown[Keys.Accepted] is not null
            ? Over(Keys.Decided, () => Math.Round((double)accepted / decided, 3))
            : new ReportValue(shown[Keys.Decided], null);

        return new ProgrammeReport(
            facts.Year,
            threshold.Value,
            shown[Keys.All],
            Enumerable.Range(1, 12).Select(m => (m, shown[Keys.Month(m)])).ToList(),
            DepartmentsOf(facts).Select(d => (d, shown[Keys.Department(d)])).ToList(),
            Enum.GetValues<CoachingDomain>().Select(d => (d, shown[Keys.Domain(d)])).ToList(),
            Enum.GetValues<CaseEnd>().Select(e => (e, shown[Keys.End(e)])).ToList(),
            shown[Keys.Decided],
            shown[Keys.Accepted],
            rate,
            Over(Keys.Interviewed, () => Median(facts.DaysToInterview.Select(d => ((double)d.Days, d.Cases)))),
            Over(Keys.WithSession, () => Median(facts.DaysToFirstSession.Select(d => ((double)d.Days, d.Cases)))),
            Over(Keys.EndedEngaged, () => Median(facts.Hours.Select(h => (ShareUsed(h), h.Cases))) is { } share ? Math.Round(share, 3) : null),
            shown[Keys.ExtensionRequested],
            shown[Keys.ExtensionApproved],
            shown[Keys.Rated],
            Enum.GetValues<ObjectivesResult>().Select(r => (r, shown[Keys.Objectives(r)])).ToList(),
            MeasureStatistics.Summarise(facts.Measures, threshold));
    }

    /// <summary>
    /// Every count the report shows in one table, with the sums that link them, so that complementary suppression protects
    /// them together: the year's total by month, by department, by domain (each with its complement, a case has several),
    /// by end, decided and accepted, and the groups the rates and medians are computed over.
    /// </summary>
    public static StatisticsTable<string> Tabulate(ProgrammeReportFacts facts)
    {
        var cases = facts.Cases.Select(c => (End: CaseEnds.Of(c.State, c.Outcome), Fact: c)).ToList();
        int Count(Func<(CaseEnd End, ReportCase Fact), bool> where) => cases.Where(where).Sum(c => c.Fact.Cases);
        var total = cases.Sum(c => c.Fact.Cases);
        var table = new StatisticsTable<string>().Count(Keys.All, total);

        var months = Enumerable.Range(1, 12).ToList();
        foreach (var month in months)
        {
            table.Count(Keys.Month(month), facts.Months.Where(m => m.Month == month).Sum(m => m.Cases));
        }

        var departments = DepartmentsOf(facts);
        foreach (var department in departments)
        {
            table.Count(Keys.Department(department), facts.Departments.Where(d => d.Department == department).Sum(d => d.Cases));
        }

        var domains = Enum.GetValues<CoachingDomain>();
        foreach (var domain in domains)
        {
            table.Count(Keys.Domain(domain), facts.Domains.Where(d => (d.DomainFlags & domain.Flag()) != 0).Sum(d => d.Cases))
                .Count(Keys.Outside(domain), facts.Domains.Where(d => (d.DomainFlags & domain.Flag()) == 0).Sum(d => d.Cases));
        }

        var ends = Enum.GetValues<CaseEnd>();
        foreach (var end in ends)
        {
            table.Count(Keys.End(end), Count(c => c.End == end));
        }

        var accepted = Count(c => c.End.WasAccepted());
        var extensionRequested = Count(c => c.End.WasAccepted() && c.Fact.ExtensionRequested);
        var extensionApproved = Count(c => c.End.WasAccepted() && c.Fact.ExtensionApproved);
        var withSession = Count(c => c.End.WasAccepted() && c.Fact.HadSession);
        var interviewed = Count(c => c.Fact.Interviewed);
        var endedEngaged = Count(c => CaseEnds.EndedEngaged.Contains(c.End));
        table.Count(Keys.Decided, total - Count(c => c.End == CaseEnd.OpenBeforeAcceptance))
            .Count(Keys.NotAccepted, Count(c => CaseEnds.NotAccepted.Contains(c.End)))
            .Count(Keys.Accepted, accepted)
            .Count(Keys.EndedEngaged, endedEngaged)
            .Count(Keys.Interviewed, interviewed)
            .Count(Keys.NotInterviewed, total - interviewed)
            .Count(Keys.WithSession, withSession)
            .Count(Keys.WithoutSession, accepted - withSession)
            .Count(Keys.ExtensionRequested, extensionRequested)
            .Count(Keys.NoExtension, accepted - extensionRequested)
            .Count(Keys.ExtensionApproved, extensionApproved)
            .Count(Keys.ExtensionNotApproved, extensionRequested - extensionApproved);

        var results = Enum.GetValues<ObjectivesResult>();
        var rated = 0;
        foreach (var result in results)
        {
            var count = Count(c => CaseEnds.EndedEngaged.Contains(c.End) && c.Fact.Objectives == result);
            rated += count;
            table.Count(Keys.Objectives(result), count);
        }

        table.Count(Keys.Rated, rated).Count(Keys.Unrated, endedEngaged - rated);

        table.Sum(Keys.All, months.Select(Keys.Month))
            .Sum(Keys.All, departments.Select(Keys.Department))
            .Sum(Keys.All, ends.Select(Keys.End))
            .Sum(Keys.All, [Keys.End(CaseEnd.OpenBeforeAcceptance), Keys.Decided])
            .Sum(Keys.Decided, [Keys.Accepted, Keys.NotAccepted])
            .Sum(Keys.NotAccepted, CaseEnds.NotAccepted.Select(Keys.End))
            .Sum(Keys.Accepted, [Keys.End(CaseEnd.OpenEngaged), Keys.EndedEngaged])
            .Sum(Keys.EndedEngaged, CaseEnds.EndedEngaged.Select(Keys.End))
            .Sum(Keys.All, [Keys.Interviewed, Keys.NotInterviewed])
            .Sum(Keys.Accepted, [Keys.WithSession, Keys.WithoutSession])
            .Sum(Keys.Accepted, [Keys.ExtensionRequested, Keys.NoExtension])
            .Sum(Keys.ExtensionRequested, [Keys.ExtensionApproved, Keys.ExtensionNotApproved])
            .Sum(Keys.EndedEngaged, [Keys.Rated, Keys.Unrated])
            .Sum(Keys.Rated, results.Select(Keys.Objectives));
        foreach (var domain in domains)
        {
            table.Sum(Keys.All, [Keys.Domain(domain), Keys.Outside(domain)]);
        }

        return table;
    }

    /// <summary>
    /// The median of values each held by a number of cases: the middle one, or the mean of the two middle ones for an even
    /// count; null when there is none.
    /// </summary>
    public static double? Median(IEnumerable<(double Value, int Cases)> values)
    {
        var sorted = values.Where(v => v.Cases > 0).OrderBy(v => v.Value).ToList();
        long count = sorted.Sum(v => (long)v.Cases);
        if (count == 0)
        {
            return null;
        }

        double At(long index)
        {
            foreach (var (value, cases) in sorted)
            {
                if (index < cases)
                {
                    return value;
                }

                index -= cases;
            }

            throw new InvalidOperationException("Index past the values.");
        }

        return count % 2 == 1 ? At(count / 2) : (At((count / 2) - 1) + At(count / 2)) / 2;
    }

    /// <summary>Used minutes over the budget with approved extensions (1 = the whole budget); a case without budget counts as fully used.</summary>
    public static double ShareUsed(HoursUse use) => use.BudgetMinutes <= 0 ? 1 : (double)use.UsedMinutes / use.BudgetMinutes;

    private static List<string> DepartmentsOf(ProgrammeReportFacts facts) =>
        facts.Departments.Select(d => d.Department).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>The names of the report's counts in its <see cref="StatisticsTable{TKey}"/>.</summary>
    public static class Keys
    {
        public const string All = "all";
        public const string Decided = "decided";
        public const string NotAccepted = "not-accepted";
        public const string Accepted = "accepted";
        public const string EndedEngaged = "ended-engaged";
        public const string Interviewed = "interviewed";
        public const string NotInterviewed = "not-interviewed";
        public const string WithSession = "with-session";
        public const string WithoutSession = "without-session";
        public const string ExtensionRequested = "extension.requested";
        public const string NoExtension = "extension.none";
        public const string ExtensionApproved = "extension.approved";
        public const string ExtensionNotApproved = "extension.not-approved";
        public const string Rated = "objectives.rated";
        public const string Unrated = "objectives.unrated";

        public static string Month(int month) => $"month:{month}";

        public static string Department(string department) => $"department:{department}";

        public static string Domain(CoachingDomain domain) => $"domain:{domain}";

        public static string Outside(CoachingDomain domain) => $"outside:{domain}";

        public static string End(CaseEnd end) => $"end:{end}";

        public static string Objectives(ObjectivesResult result) => $"objectives:{result}";
    }
}
