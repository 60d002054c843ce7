using System.Globalization;
using CoupDePousse.App.Features.Common;
using CoupDePousse.Domain.Programme;
using Microsoft.Extensions.Localization;

namespace CoupDePousse.App.Features.Reports;

/// <summary>How a figure reads: a count of cases, a share (0–1), a number of days, a score, a change of score.</summary>
public enum FigureKind
{
    Count,
    Share,
    Days,
    Score,
    Change,
}

/// <summary>One figure of a row; a null value is withheld (or, for an average or median, not computable over a shown group).</summary>
public sealed record ReportCell(string Figure, FigureKind Kind, double? Value, bool Withheld);

/// <summary>One row of a report table: a group (a month, a department, an end…) and its figures.</summary>
public sealed record ReportRow(string Group, string Label, IReadOnlyList<ReportCell> Cells);

/// <summary>A table of the report as the page shows it and the exports write it: the same figures, in the same words.</summary>
public sealed record ReportTable(string Key, string Title, IReadOnlyList<string> Figures, IReadOnlyList<ReportRow> Rows);

/// <summary>The report's tables, built once from the suppressed report for the page and both exports, in the request's language.</summary>
public static class ReportTables
{
    public const string Indicators = "indicators";
    public const string Months = "months";
    public const string Departments = "departments";
    public const string Domains = "domains";
    public const string Ends = "ends";
    public const string Objectives = "objectives";
    public const string Measures = "measures";

    public static IReadOnlyList<string> TableKeys { get; } = [Indicators, Months, Departments, Domains, Ends, Objectives, Measures];

    public static IReadOnlyList<string> FigureKeys { get; } = ["Cases", "Value", "MeasuredCases", "Change", "Answers", "Satisfaction", "Recommending"];

    public static IReadOnlyList<string> IndicatorKeys { get; } =
        ["Total", "Decided", "Accepted", "AcceptanceRate", "DaysToInterview", "DaysToFirstSession", "BudgetUsed", "ExtensionsRequested", "ExtensionsApproved"];

    public static IReadOnlyList<ReportTable> Build(ProgrammeReport report, IStringLocalizer<ReportText> text)
    {
        string Figure(string key) => text[$"Figure.{key}"];
        ReportCell Count(int? cases) => new(Figure("Cases"), FigureKind.Count, cases, cases is null);
        ReportRow CountRow(string group, string label, int? cases) => new(group, label, [Count(cases)]);
        ReportRow Indicator(string key, int? cases, double? value, FigureKind kind) =>
            new(key, text[$"Indicator.{key}"], [Count(cases), new ReportCell(Figure("Value"), kind, value, value is null && cases != 0)]);
        string[] counts = [Figure("Cases")];

        var culture = CultureInfo.CurrentCulture;
        return
        [
            new(Indicators, text[$"Table.{nameof(Indicators)}"], [Figure("Cases"), Figure("Value")],
            [
                new("Total", text["Indicator.Total"], [Count(report.Total)]),
                new("Decided", text["Indicator.Decided"], [Count(report.Decided)]),
                new("Accepted", text["Indicator.Accepted"], [Count(report.Accepted)]),
                Indicator("AcceptanceRate", report.AcceptanceRate.Cases, report.AcceptanceRate.Value, FigureKind.Share),
                Indicator("DaysToInterview", report.MedianDaysToInterview.Cases, report.MedianDaysToInterview.Value, FigureKind.Days),
                Indicator("DaysToFirstSession", report.MedianDaysToFirstSession.Cases, report.MedianDaysToFirstSession.Value, FigureKind.Days),
                Indicator("BudgetUsed", report.MedianShareOfBudgetUsed.Cases, report.MedianShareOfBudgetUsed.Value, FigureKind.Share),
                new("ExtensionsRequested", text["Indicator.ExtensionsRequested"], [Count(report.ExtensionsRequested)]),
                new("ExtensionsApproved", text["Indicator.ExtensionsApproved"], [Count(report.ExtensionsApproved)]),
            ]),
            new(Months, text[$"Table.{nameof(Months)}"], counts,
            [
                .. report.ByMonth.Select(m => CountRow(m.Month.ToString("00", CultureInfo.InvariantCulture), culture.TextInfo.ToTitleCase(culture.DateTimeFormat.GetMonthName(m.Month)), m.Cases)),
                CountRow("total", text["Total"], report.Total),
            ]),
            new(Departments, text[$"Table.{nameof(Departments)}"], counts,
            [
                .. report.ByDepartment.Select(d => CountRow(d.Department, d.Department, d.Cases)),
                CountRow("total", text["Total"], report.Total),
            ]),
            new(Domains, text[$"Table.{nameof(Domains)}"], counts,
                [.. report.ByDomain.Select(d => CountRow(d.Domain.ToString(), d.Domain.Label(), d.Cases))]),
            new(Ends, text[$"Table.{nameof(Ends)}"], counts,
            [
                .. report.Ends.Select(e => CountRow(e.End.ToString(), text[$"End.{e.End}"], e.Cases)),
                CountRow("total", text["Total"], report.Total),
            ]),
            new(Objectives, text[$"Table.{nameof(Objectives)}"], counts,
            [
                .. report.Objectives.Select(o => CountRow(o.Result.ToString(), text[$"Objectives.{o.Result}"], o.Cases)),
                CountRow("rated", text["Objectives.Rated"], report.RatedCases),
            ]),
            new(Measures, text[$"Table.{nameof(Measures)}"],
                [Figure("MeasuredCases"), Figure("Change"), Figure("Answers"), Figure("Satisfaction"), Figure("Recommending")],
            [
                MeasureRow("all", text["Measures.All"], report.Measures.Overall, Figure),
                .. report.Measures.ByDepartment.Select(d => MeasureRow("department:" + d.Key, d.Key, d.Value, Figure)),
                .. report.Measures.ByDomain.Select(d => MeasureRow("domain:" + d.Key, d.Key.Label(), d.Value, Figure)),
            ]),
        ];
    }

    /// <summary>A figure as the page shows it; a withheld one reads "withheld", one not computable a dash.</summary>
    public static string Format(ReportCell cell, IStringLocalizer<ReportText> text) => cell switch
    {
        { Value: null, Withheld: true } => text["Withheld"],
        { Value: null } => "—",
        { Kind: FigureKind.Count, Value: var v } => Figures.Count((long)v.Value),
        { Kind: FigureKind.Share, Value: var v } => Figures.Share(v.Value),
        { Kind: FigureKind.Days, Value: var v } => Figures.Decimal(v.Value, optional: true),
        { Kind: FigureKind.Change, Value: var v } => Figures.Change(v.Value),
        { Value: var v } => Figures.Decimal(v.Value),
    };

    private static ReportRow MeasureRow(string group, string label, Domain.Cases.MeasureFigure figure, Func<string, string> name) => new(group, label,
    [
        new(name("MeasuredCases"), FigureKind.Count, figure.MeasuredCases, figure.MeasuredCases is null),
        new(name("Change"), FigureKind.Change, figure.AverageChange, figure.MeasuredCases is null),
        new(name("Answers"), FigureKind.Count, figure.Answers, figure.Answers is null),
        new(name("Satisfaction"), FigureKind.Score, figure.AverageSatisfaction, figure.Answers is null),
        new(name("Recommending"), FigureKind.Share, figure.RecommendingShare, figure.Answers is null),
    ]);
}
