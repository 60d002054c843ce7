namespace CoupDePousse.Domain.Programme;

/// <summary>A department's envelope with its figures, or without them when they would describe a small group (decision 034).</summary>
public sealed record DepartmentEnvelopeFigures(string Department, long EnvelopeCents, EnvelopeFigures? Figures)
{
    public bool Withheld => Figures is null;
}

/// <summary>The departments' envelopes of a year against the cases of their beneficiaries (decision 034).</summary>
public static class DepartmentEnvelopes
{
    /// <summary>
    /// Each department envelope's figures, computed by <see cref="EnvelopeFigures.Compute"/> over the cases of that
    /// department. A department whose cases holding money number 1 to threshold − 1 is withheld (primary); then, since the
    /// company's figures are shown, the departments not shown (withheld, without an envelope, or without a department) must
    /// together hold 0 or at least threshold cases, else the smallest shown department is withheld too (complementary); if
    /// that cannot be reached (the company's own cases are fewer than the threshold), every department line is withheld.
    /// </summary>
    public static IReadOnlyList<DepartmentEnvelopeFigures> Compute(IEnumerable<ProgrammeEnvelope> envelopes, IReadOnlyCollection<EnvelopeCase> cases, DateOnly today, int smallGroupThreshold)
    {
        var byDepartment = envelopes.Where(e => e.Department is not null).OrderBy(e => e.Department, StringComparer.Ordinal).ToList();
        var holders = cases.GroupBy(c => c.Department ?? "")
            .ToDictionary(g => g.Key, g => g.Where(HoldsMoney).Sum(c => c.Cases), StringComparer.Ordinal);
        int HoldersOf(string department) => holders.GetValueOrDefault(department);

        var shown = byDepartment.Select(e => e.Department!).Where(d => HoldersOf(d) == 0 || HoldersOf(d) >= smallGroupThreshold).ToHashSet(StringComparer.Ordinal);
        while (true)
        {
            var hidden = holders.Where(h => !shown.Contains(h.Key)).Sum(h => h.Value);
            if (hidden == 0 || hidden >= smallGroupThreshold)
            {
                break;
            }

            var smallest = shown.Where(d => HoldersOf(d) > 0).OrderBy(HoldersOf).ThenBy(d => d, StringComparer.Ordinal).FirstOrDefault();
            if (smallest is null)
            {
                // The company's cases are a small group themselves: a department shown at zero would point at the others.
                shown.Clear();
                break;
            }

            shown.Remove(smallest);
        }

        return byDepartment.Select(e => new DepartmentEnvelopeFigures(e.Department!, e.AmountCents,
            shown.Contains(e.Department!) ? EnvelopeFigures.Compute(e, cases.Where(c => c.Department == e.Department), today) : null)).ToList();
    }

    /// <summary>True when the departments' envelopes of a year add up to more than the company's: a warning, not a refusal.</summary>
    public static bool ExceedCompany(ProgrammeEnvelope? company, IEnumerable<ProgrammeEnvelope> departments) =>
        company is not null && departments.Where(d => d.Department is not null).Sum(d => d.AmountCents) > company.AmountCents;

    /// <summary>A case is in a money figure when it holds something of the envelope; one that holds nothing describes nobody.</summary>
    private static bool HoldsMoney(EnvelopeCase c) => EnvelopeFigures.CommittedMinutes(c.State, c.TotalMinutes, c.UsedMinutes) > 0;
}
