using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Domain.Common;

namespace CoupDePousse.Domain.Cases;

/// <summary>
/// What the closed cases sharing one department and one set of domains add to the before/after and satisfaction figures:
/// how many cases have measured objectives, how many objectives, the sum of their changes; how many answered the satisfaction
/// question, the sum of their scores, and how many would recommend.
/// </summary>
public sealed record MeasureFact(
    string Department,
    int DomainFlags,
    int MeasuredCases,
    int MeasuredObjectives,
    long ScoreChange,
    int Answers,
    long SatisfactionTotal,
    int Recommending);

/// <summary>One group's figures; each is null where the small-group rule withholds it (an average is shown only over a shown count).</summary>
public sealed record MeasureFigure(int? MeasuredCases, double? AverageChange, int? Answers, double? AverageSatisfaction, double? RecommendingShare)
{
    public static MeasureFigure Withheld { get; } = new(null, null, null, null, null);
}

/// <summary>The before/after and satisfaction figures of the closed cases: overall, by department and by domain.</summary>
public sealed record MeasureSummary(
    MeasureFigure Overall,
    IReadOnlyDictionary<string, MeasureFigure> ByDepartment,
    IReadOnlyDictionary<CoachingDomain, MeasureFigure> ByDomain);

/// <summary>
/// The company's only view of the before/after scores and the satisfaction answers: averages over groups of cases, each
/// shown only when its count of cases is shown by the small-group rule of <see cref="StatisticsTable{TKey}"/> (decision 015),
/// so that no average can be narrowed down, by subtraction either, to fewer cases than the threshold (decision 029).
/// </summary>
public static class MeasureStatistics
{
    private const string All = "all";

    public static MeasureSummary Summarise(IReadOnlyCollection<MeasureFact> facts, SmallGroupThreshold threshold)
    {
        var departments = facts.Select(f => f.Department).Distinct().Order(StringComparer.Ordinal).ToList();
        var domains = Enum.GetValues<CoachingDomain>();
        var measured = Suppress(facts, f => f.MeasuredCases, departments, domains, threshold);
        var answered = Suppress(facts, f => f.Answers, departments, domains, threshold);

        MeasureFigure Figure(string key, Func<MeasureFact, bool> inGroup)
        {
            var group = facts.Where(inGroup).ToList();
            var objectives = group.Sum(f => f.MeasuredObjectives);
            var answers = group.Sum(f => f.Answers);
            var showMeasured = measured.IsShown(key) && objectives > 0;
            var showAnswers = answered.IsShown(key) && answers > 0;
            return new MeasureFigure(
                measured[key],
                showMeasured ? Math.Round((double)group.Sum(f => f.ScoreChange) / objectives, 1) : null,
                answered[key],
                showAnswers ? Math.Round((double)group.Sum(f => f.SatisfactionTotal) / answers, 1) : null,
                showAnswers ? Math.Round((double)group.Sum(f => f.Recommending) / answers, 2) : null);
        }

        return new MeasureSummary(
            Figure(All, _ => true),
            departments.ToDictionary(d => d, d => Figure(DepartmentKey(d), f => f.Department == d)),
            domains.ToDictionary(d => d, d => Figure(DomainKey(d), f => (f.DomainFlags & d.Flag()) != 0)));
    }

    // A case has several domains: each domain is a group inside all, and the cases outside it the rest of that sum.
    private static SuppressedTable<string> Suppress(
        IReadOnlyCollection<MeasureFact> facts, Func<MeasureFact, int> count, IReadOnlyList<string> departments, CoachingDomain[] domains, SmallGroupThreshold threshold)
    {
        var table = new StatisticsTable<string>().Count(All, facts.Sum(count));
        foreach (var department in departments)
        {
            table.Count(DepartmentKey(department), facts.Where(f => f.Department == department).Sum(count));
        }

        foreach (var domain in domains)
        {
            table.Count(DomainKey(domain), facts.Where(f => (f.DomainFlags & domain.Flag()) != 0).Sum(count))
                .Count(OutsideKey(domain), facts.Where(f => (f.DomainFlags & domain.Flag()) == 0).Sum(count))
                .Sum(All, [DomainKey(domain), OutsideKey(domain)]);
        }

        return table.Sum(All, departments.Select(DepartmentKey)).Suppress(threshold);
    }

    private static string DepartmentKey(string department) => $"department:{department}";

    private static string DomainKey(CoachingDomain domain) => $"domain:{domain}";

    private static string OutsideKey(CoachingDomain domain) => $"outside:{domain}";
}
