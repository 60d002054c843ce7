using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Cases;
using CoupDePousse.App.Features.Pipeline;
using CoupDePousse.Domain.Cases;

namespace CoupDePousse.Benchmarks.Queries;

/// <summary>Whether the service and the hand-written SQL gave the same rows and figures; the differences, if any.</summary>
internal static class Compare
{
    public static IReadOnlyList<string> Overview(PipelineOverview service, HandWrittenSql.Overview sql)
    {
        var differences = new List<string>();
        Same(differences, "threshold", service.SmallGroupThreshold, sql.Threshold);
        Same(differences, "matching cases", service.Rows.TotalCount, sql.Figures.Cases);
        Figures(differences, service.Statistics, sql.Figures);
        Rows(differences, service.Rows.Items, sql.Rows);
        Same(differences, "departments", string.Join("|", service.Departments), string.Join("|", sql.Departments));
        Same(differences, "interveners", string.Join("|", service.Interveners.Select(i => i.Id).Order()), string.Join("|", sql.Interveners.Select(i => i.Id).Order()));
        return differences;
    }

    public static IReadOnlyList<string> Dashboard(HrDashboardView service, HandWrittenSql.Dashboard sql)
    {
        var differences = new List<string>();
        Same(differences, "threshold", service.SmallGroupThreshold, sql.Threshold);
        Rows(differences, service.WaitingOnHr, sql.LongestWaiting);
        Shown(differences, "waiting on HR", service.WaitingOnHrCount, sql.Figures.WaitingOn.GetValueOrDefault("HR"));
        Shown(differences, "used minutes", service.UsedMinutes, sql.Figures.UsedMinutes);
        Shown(differences, "cost", service.CostCents, sql.Figures.CostCents);
        Shown(differences, "active", service.ActiveCount, sql.Figures.ByState.Where(s => Enum.Parse<CaseState>(s.Key).IsActive()).Sum(s => s.Value));
        return differences;
    }

    public static IReadOnlyList<string> Case(CaseView? service, HandWrittenSql.CasePage sql)
    {
        var differences = new List<string>();
        if (service is not CompanyCaseView company)
        {
            return [$"the service gave {service?.GetType().Name ?? "nothing"} to HR"];
        }

        Same(differences, "state", company.Header.State.ToString(), sql.State);
        Same(differences, "sessions", company.Header.Sessions.Count, sql.Sessions);
        Same(differences, "extensions", company.Header.Extensions.Count, sql.Extensions);
        Same(differences, "history", company.Header.History.Count, sql.History);
        Same(differences, "beneficiary", company.BeneficiaryName, sql.Names.Values.Contains(company.BeneficiaryName) ? company.BeneficiaryName : "(missing)");
        return differences;
    }

    public static IReadOnlyList<string> List(PagedResult<CaseListItem> service, (int Total, IReadOnlyList<HandWrittenSql.ListedCase> Rows) sql)
    {
        var differences = new List<string>();
        Same(differences, "total", service.TotalCount, sql.Total);
        Same(differences, "rows", string.Join("|", service.Items.Select(i => $"{i.Id}/{i.BeneficiaryName}/{i.IntervenerName}/{i.State}")),
            string.Join("|", sql.Rows.Select(r => $"{Guid.Parse(r.Id)}/{r.BeneficiaryName}/{r.IntervenerName}/{r.State}")));
        return differences;
    }

    private static void Figures(List<string> differences, PipelineStatistics? service, HandWrittenSql.Figures sql)
    {
        if (service is null)
        {
            differences.Add("the service withheld every figure");
            return;
        }

        Same(differences, "cases", service.CaseCount, sql.Cases);
        Same(differences, "used minutes", service.UsedMinutes, sql.UsedMinutes);
        Same(differences, "budget minutes", service.BudgetMinutes, sql.BudgetMinutes);
        Same(differences, "cost", service.CostCents, sql.CostCents);
        foreach (var (state, count) in service.ByState)
        {
            Same(differences, $"state {state}", count, sql.Shown[CaseFigure.InState(state)]);
            Shown(differences, $"state {state} count", count, sql.ByState.GetValueOrDefault(state.ToString()));
        }

        foreach (var (party, count) in service.WaitingOn)
        {
            Same(differences, $"waiting on {party}", count, sql.Shown[CaseFigure.WaitingOn(party)]);
        }

        foreach (var department in service.ByDepartment)
        {
            Same(differences, $"department {department.Department}", department.CaseCount, sql.Shown[CaseFigure.InDepartment(department.Department)]);
            Same(differences, $"department {department.Department} active", department.Active, sql.Shown[CaseFigure.ActiveIn(department.Department)]);
        }
    }

    private static void Rows(List<string> differences, IReadOnlyList<PipelineRow> service, IReadOnlyList<HandWrittenSql.Row> sql)
    {
        Same(differences, "rows",
            string.Join("|", service.Select(r => $"{r.Id}/{r.BeneficiaryName}/{r.Department}/{r.State}/{r.IntervenerName}/{r.WaitingOn}/{r.UsedMinutes}/{r.BudgetMinutes}/{r.CostCents}")),
            string.Join("|", sql.Select(r => $"{Guid.Parse(r.Id)}/{r.BeneficiaryName}/{r.Department}/{r.State}/{r.IntervenerName}/{r.WaitingOn}/{r.UsedMinutes}/{r.BudgetMinutes + r.ApprovedMinutes}/{r.CostCents}")));
    }

    private static void Same<T>(List<string> differences, string what, T service, T sql)
    {
        if (!EqualityComparer<T>.Default.Equals(service, sql))
        {
            differences.Add($"{what}: service {Short(service)}, SQL {Short(sql)}");
        }
    }

    // A withheld figure (null) is not a difference; a shown one must be the database's.
    private static void Shown(List<string> differences, string what, long? service, long sql)
    {
        if (service is { } shown && shown != sql)
        {
            differences.Add($"{what}: service {shown}, SQL {sql}");
        }
    }

    private static string Short<T>(T value) => value?.ToString() is { Length: > 120 } text ? text[..120] + "…" : value?.ToString() ?? "null";
}
