using CoupDePousse.App.Data;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;

namespace CoupDePousse.Benchmarks.Queries;

/// <summary>
/// The same reads as the services, written by hand over Microsoft.Data.Sqlite on the same schema and indexes: the
/// yardstick the services are held to. The small-group rule is no SQL: the figures go through the same domain
/// suppression as the service's, so that both sides produce what the page shows.
/// </summary>
internal sealed class HandWrittenSql(string connectionString, IDataProtectionProvider dataProtection)
{
    // The confidential columns a case page reads, decrypted with the app's key ring as EF's converters do.
    private static readonly Dictionary<string, (string Column, string Purpose)[]> Confidential = new()
    {
        ["Cases"] = [("Description", ConfidentialText.Request), ("ClosingSummary", ConfidentialText.ClosingSummary), ("CancellationReason", ConfidentialText.CancellationReason), ("ReferralNote", ConfidentialText.ReferralNote)],
        ["CriterionVerdicts"] = [("Comment", ConfidentialText.VerdictComment)],
        ["Objectives"] = [("Statement", ConfidentialText.Objective), ("SuccessMeasure", ConfidentialText.Objective)],
        ["ObjectiveDrafts"] = [("Statement", ConfidentialText.Objective), ("SuccessMeasure", ConfidentialText.Objective)],
        ["BudgetExtensions"] = [("Comment", ConfidentialText.ExtensionComment)],
    };

    public sealed record Figures(int Cases, long UsedMinutes, long BudgetMinutes, long CostCents, IReadOnlyDictionary<string, int> ByState, IReadOnlyDictionary<string, int> WaitingOn, SuppressedTable<CaseFigure> Shown);

    public sealed record Row(string Id, string BeneficiaryName, string? Department, string State, string? Outcome, string Domains, string? IntervenerName,
        string? WaitingOn, long StateEnteredAt, int BudgetMinutes, int ApprovedMinutes, int UsedMinutes, long CostCents);

    public sealed record Overview(int Threshold, Figures Figures, IReadOnlyList<Row> Rows, IReadOnlyList<string> Departments, IReadOnlyList<(string Id, string Name)> Interveners);

    public sealed record Dashboard(int Threshold, Figures Figures, IReadOnlyList<Row> LongestWaiting);

    public sealed record CasePage(string State, int Verdicts, int Objectives, int Sessions, int Extensions, int History, IReadOnlyDictionary<string, string> Names);

    public sealed record ListedCase(string Id, string BeneficiaryName, string? IntervenerName, string ProposedByName, string State, int UsedMinutes, int TotalMinutes);

    /// <summary>
    /// A pipeline filter as SQL: a WHERE clause on the cases (alias c), the same on the kept counts (null when the
    /// filter is not one of their facts), and the parameters.
    /// </summary>
    public sealed record Where(string Clause, string? CountsClause, params (string Name, object Value)[] Parameters)
    {
        public static Where None { get; } = new("1 = 1", "1 = 1");
    }

    public async Task<Overview> OverviewAsync(Where where, bool oldestFirst, int skip, int take)
    {
        await using var connection = await OpenAsync();
        var threshold = await ThresholdAsync(connection);
        var figures = await FiguresAsync(connection, where, threshold);
        var rows = await RowsAsync(connection, where, oldestFirst, skip, take);
        var departments = new List<string>();
        await using (var command = Command(connection, """
            WITH RECURSIVE d(v) AS (SELECT MIN(Department) FROM AspNetUsers UNION ALL SELECT (SELECT MIN(Department) FROM AspNetUsers WHERE Department > v) FROM d WHERE v IS NOT NULL)
            SELECT v FROM d WHERE v IS NOT NULL
            """))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                departments.Add(reader.GetString(0));
            }
        }

        var interveners = new List<(string, string)>();
        await using (var command = Command(connection, "SELECT u.Id, u.DisplayName FROM IntervenerProfiles p JOIN AspNetUsers u ON u.Id = p.UserId"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                interveners.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        return new Overview(threshold, figures, rows, departments, interveners);
    }

    public async Task<Dashboard> DashboardAsync(int take)
    {
        await using var connection = await OpenAsync();
        var threshold = await ThresholdAsync(connection);
        var figures = await FiguresAsync(connection, Where.None, threshold);
        var rows = await RowsAsync(connection, new Where("c.WaitingOn = 'HR'", null), oldestFirst: true, 0, take);
        return new Dashboard(threshold, figures, rows);
    }

    public async Task<CasePage> CaseAsync(string caseId)
    {
        await using var connection = await OpenAsync();
        string state;
        var userIds = new HashSet<string>();
        await using (var command = Command(connection, "SELECT * FROM Cases WHERE Id = @id", ("@id", caseId)))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            Decrypt(reader, "Cases");
            state = reader.GetString(reader.GetOrdinal("State"));
            foreach (var column in new[] { "BeneficiaryId", "IntervenerId", "ProposedById" })
            {
                if (!reader.IsDBNull(reader.GetOrdinal(column)))
                {
                    userIds.Add(reader.GetString(reader.GetOrdinal(column)));
                }
            }
        }

        var counts = new Dictionary<string, int>();
        foreach (var table in new[] { "CriterionVerdicts", "Objectives", "ObjectiveDrafts", "ObjectiveRevisions", "Sessions", "BudgetExtensions", "TransitionRecords" })
        {
            var rows = 0;
            await using var command = Command(connection, $"SELECT * FROM {table} WHERE CaseId = @id", ("@id", caseId));
            await using var reader = await command.ExecuteReaderAsync();
            var userColumn = table == "TransitionRecords" ? reader.GetOrdinal("UserId") : -1;
            while (await reader.ReadAsync())
            {
                rows++;
                Decrypt(reader, table);
                if (userColumn >= 0)
                {
                    userIds.Add(reader.GetString(userColumn));
                }
            }

            counts[table] = rows;
        }

        var names = new Dictionary<string, string>();
        await using (var command = Command(connection, $"SELECT Id, DisplayName FROM AspNetUsers WHERE Id IN ({string.Join(", ", userIds.Select((_, i) => "@u" + i))})",
            userIds.Select((id, i) => ("@u" + i, (object)id)).ToArray()))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                names[reader.GetString(0)] = reader.GetString(1);
            }
        }

        return new CasePage(state, counts["CriterionVerdicts"], counts["Objectives"], counts["Sessions"], counts["BudgetExtensions"], counts["TransitionRecords"], names);
    }

    /// <summary>An intervener's own cases, newest proposal first: the facts that say whose move it is come with each row.</summary>
    public async Task<(int Total, IReadOnlyList<ListedCase> Rows)> InterveningListAsync(string userId, int take)
    {
        await using var connection = await OpenAsync();
        int total;
        await using (var command = Command(connection, "SELECT COUNT(*) FROM Cases WHERE BeneficiaryId = @id OR IntervenerId = @id", ("@id", userId)))
        {
            total = Convert.ToInt32(await command.ExecuteScalarAsync());
        }

        var rows = new List<ListedCase>();
        await using (var command = Command(connection, """
            SELECT c.Id, b.DisplayName, i.DisplayName, p.DisplayName, c.State, c.UsedMinutes, c.BudgetMinutes + c.ApprovedExtensionMinutes,
                   c.InterviewDate IS NOT NULL, c.BeneficiaryContinued, c.CompanyRuling, c.IntervenerRuling,
                   (SELECT COUNT(*) FROM CriterionVerdicts v WHERE v.CaseId = c.Id AND v.Party = 'Company'),
                   (SELECT COUNT(*) FROM CriterionVerdicts v WHERE v.CaseId = c.Id AND v.Party = 'Intervener'),
                   EXISTS (SELECT 1 FROM BudgetExtensions e WHERE e.CaseId = c.Id AND e.Status = 'Pending')
            FROM (SELECT * FROM Cases WHERE BeneficiaryId = @id OR IntervenerId = @id ORDER BY ProposedAt DESC LIMIT @take) c
            JOIN AspNetUsers b ON b.Id = c.BeneficiaryId
            JOIN AspNetUsers p ON p.Id = c.ProposedById
            LEFT JOIN AspNetUsers i ON i.Id = c.IntervenerId
            ORDER BY c.ProposedAt DESC
            """, ("@id", userId), ("@take", take)))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add(new ListedCase(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3),
                    reader.GetString(4), reader.GetInt32(5), reader.GetInt32(6)));
            }
        }

        return (total, rows);
    }

    private void Decrypt(SqliteDataReader reader, string table)
    {
        foreach (var (column, purpose) in Confidential.GetValueOrDefault(table) ?? [])
        {
            var ordinal = reader.GetOrdinal(column);
            if (!reader.IsDBNull(ordinal) && reader.GetString(ordinal) is var value && ConfidentialText.IsProtected(value))
            {
                _ = dataProtection.CreateProtector(purpose).Unprotect(value);
            }
        }
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<int> ThresholdAsync(SqliteConnection connection)
    {
        await using var command = Command(connection, "SELECT SmallGroupThreshold FROM BudgetSettings LIMIT 1");
        return Convert.ToInt32(await command.ExecuteScalarAsync() ?? 5);
    }

    private static async Task<Figures> FiguresAsync(SqliteConnection connection, Where where, int threshold)
    {
        var byState = new Dictionary<string, int>();
        var waitingOn = new Dictionary<string, int>();
        int cases = 0;
        long used = 0, budget = 0, cost;
        var figures = where.CountsClause is { } counts
            ? $"""
              SELECT State, WaitingOn, SUM(Cases), SUM(UsedMinutes), SUM(BudgetMinutes), Outcome, Department
              FROM CaseCounts WHERE Cases <> 0 AND {counts} GROUP BY State, Outcome, WaitingOn, Department
              """
            : $"""
              SELECT State, COALESCE(WaitingOn, ''), COUNT(*), SUM(UsedMinutes), SUM(BudgetMinutes + ApprovedExtensionMinutes), COALESCE(Outcome, ''), COALESCE(Department, '')
              FROM Cases c WHERE {where.Clause} GROUP BY State, Outcome, WaitingOn, Department
              """;
        var facts = new List<CaseFact>();
        await using (var command = Command(connection, figures, where.Parameters))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var count = reader.GetInt32(2);
                cases += count;
                used += reader.GetInt64(3);
                budget += reader.GetInt64(4);
                byState[reader.GetString(0)] = byState.GetValueOrDefault(reader.GetString(0)) + count;
                facts.Add(new CaseFact(
                    Enum.Parse<CaseState>(reader.GetString(0)),
                    reader.GetString(5).Length == 0 ? null : Enum.Parse<CaseOutcome>(reader.GetString(5)),
                    reader.GetString(1).Length == 0 ? null : Enum.Parse<WaitingParty>(reader.GetString(1)),
                    reader.GetString(6).Length == 0 ? "—" : reader.GetString(6),
                    count));
                if (reader.GetString(1).Length > 0)
                {
                    waitingOn[reader.GetString(1)] = waitingOn.GetValueOrDefault(reader.GetString(1)) + count;
                }
            }
        }

        // Each case's cost rounded to the cent, half away from zero, as the app does: cases counted by intervener and minutes logged.
        await using (var command = Command(connection, $"""
            SELECT COALESCE(SUM(g.Cases * ((p.HourlyRateCents * g.UsedMinutes + 30) / 60)), 0)
            FROM (SELECT c.IntervenerId, c.UsedMinutes, COUNT(*) AS Cases FROM Cases c
                  WHERE {where.Clause} AND c.IntervenerId IS NOT NULL AND c.UsedMinutes > 0 GROUP BY c.IntervenerId, c.UsedMinutes) g
            JOIN IntervenerProfiles p ON p.UserId = g.IntervenerId
            """, where.Parameters))
        {
            cost = Convert.ToInt64(await command.ExecuteScalarAsync());
        }

        var shown = CaseStatistics.Tabulate(facts).Suppress(SmallGroupThreshold.Create(threshold).Value);
        return new Figures(cases, used, budget, cost, byState, waitingOn, shown);
    }

    private static async Task<List<Row>> RowsAsync(SqliteConnection connection, Where where, bool oldestFirst, int skip, int take)
    {
        var rows = new List<Row>();
        await using var command = Command(connection, $"""
            SELECT c.Id, b.DisplayName, c.Department, c.State, c.Outcome, c.Domains, i.DisplayName, COALESCE(p.HourlyRateCents, 0), c.WaitingOn, c.StateEnteredAt,
                   c.BudgetMinutes, c.ApprovedExtensionMinutes, c.UsedMinutes
            FROM (SELECT * FROM Cases c WHERE {where.Clause} ORDER BY c.StateEnteredAt {(oldestFirst ? "ASC" : "DESC")} LIMIT @take OFFSET @skip) c
            LEFT JOIN AspNetUsers b ON b.Id = c.BeneficiaryId
            LEFT JOIN AspNetUsers i ON i.Id = c.IntervenerId
            LEFT JOIN IntervenerProfiles p ON p.UserId = c.IntervenerId
            ORDER BY c.StateEnteredAt {(oldestFirst ? "ASC" : "DESC")}
            """, [.. where.Parameters, ("@take", take), ("@skip", skip)]);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var used = reader.GetInt32(12);
            rows.Add(new Row(
                reader.GetString(0),
                reader.IsDBNull(1) ? "?" : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.GetInt64(9),
                reader.GetInt32(10),
                reader.GetInt32(11),
                used,
                (reader.GetInt64(7) * used + 30) / 60));
        }

        return rows;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
