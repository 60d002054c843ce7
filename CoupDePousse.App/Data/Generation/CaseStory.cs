namespace CoupDePousse.App.Data.Generation;

/// <summary>What a generated case goes through: where it stands now, or how it ended.</summary>
internal enum CaseStory
{
    // Active.
    AwaitingAssignment,
    AwaitingAgreement,
    AwaitingInterview,
    AwaitingDecision,
    AwaitingCompanyVerdicts,
    AwaitingIntervenerVerdicts,
    AwaitingCompanyRuling,
    AwaitingIntervenerRuling,
    Accepted,
    ObjectivesSet,
    InSessions,
    NearLimit,
    ExtensionPending,
    ExtensionApproved,
    ExtensionRejected,

    // Ended.
    DeclinedOffer,
    StoppedBeforeInterview,
    StoppedAfterInterview,
    RefusedAfterDiscussion,
    Excluded,
    CancelledByHr,
    WithdrawnByManager,
    Completed,
    Interrupted,
}

/// <summary>One case to generate: its story and the day it was proposed.</summary>
internal sealed record CasePlan(CaseStory Story, DateTimeOffset ProposedAt);

/// <summary>How many cases tell each story: most have ended, the active ones are what the interveners can carry.</summary>
internal static class CaseStories
{
    /// <summary>Share of the cases still active when the interveners' capacity allows it.</summary>
    public const double ActiveShare = 0.09;

    /// <summary>Share of the cases waiting for HR to assign an intervener.</summary>
    public const double UnassignedShare = 0.005;

    /// <summary>The active cases fill the interveners' capacity to this share at most.</summary>
    public const double CapacityUse = 0.8;

    public static readonly IReadOnlyDictionary<CaseStory, int> ActiveWeights = new Dictionary<CaseStory, int>
    {
        [CaseStory.AwaitingAgreement] = 8,
        [CaseStory.AwaitingInterview] = 8,
        [CaseStory.AwaitingDecision] = 5,
        [CaseStory.AwaitingCompanyVerdicts] = 6,
        [CaseStory.AwaitingIntervenerVerdicts] = 5,
        [CaseStory.AwaitingCompanyRuling] = 3,
        [CaseStory.AwaitingIntervenerRuling] = 2,
        [CaseStory.Accepted] = 7,
        [CaseStory.ObjectivesSet] = 8,
        [CaseStory.InSessions] = 24,
        [CaseStory.NearLimit] = 8,
        [CaseStory.ExtensionPending] = 6,
        [CaseStory.ExtensionApproved] = 6,
        [CaseStory.ExtensionRejected] = 4,
    };

    public static readonly IReadOnlyDictionary<CaseStory, int> EndedWeights = new Dictionary<CaseStory, int>
    {
        [CaseStory.Completed] = 48,
        [CaseStory.Interrupted] = 8,
        [CaseStory.DeclinedOffer] = 10,
        [CaseStory.StoppedBeforeInterview] = 4,
        [CaseStory.StoppedAfterInterview] = 7,
        [CaseStory.RefusedAfterDiscussion] = 5,
        [CaseStory.Excluded] = 6,
        [CaseStory.CancelledByHr] = 8,
        [CaseStory.WithdrawnByManager] = 4,
    };

    public static bool EndsActive(this CaseStory story) => story < CaseStory.DeclinedOffer;

    /// <summary>
    /// The stories of <paramref name="cases"/> cases, ended ones first (their interveners' load no longer counts), each
    /// group shuffled; every story appears at least once when there are enough cases.
    /// </summary>
    public static List<CaseStory> Allot(int cases, int totalCapacity, Random random)
    {
        var unassigned = Math.Max(1, (int)Math.Round(cases * UnassignedShare));
        var assigned = (int)Math.Min(Math.Round(cases * ActiveShare), Math.Floor(totalCapacity * CapacityUse));
        var active = Math.Min(cases, unassigned + assigned);
        var ended = Split(EndedWeights, cases - active);
        var working = Split(ActiveWeights, active - Math.Min(active, unassigned));
        working.AddRange(Enumerable.Repeat(CaseStory.AwaitingAssignment, Math.Min(active, unassigned)));
        Shuffle(ended, random);
        Shuffle(working, random);
        return [.. ended, .. working];
    }

    // Largest remainders, after one case per story when there are at least as many cases as stories.
    private static List<CaseStory> Split(IReadOnlyDictionary<CaseStory, int> weights, int count)
    {
        var floor = count >= weights.Count ? 1 : 0;
        var rest = count - floor * weights.Count;
        var total = weights.Values.Sum();
        var shares = weights.Select(w => (Story: w.Key, Exact: rest * (double)w.Value / total)).ToList();
        var counts = shares.ToDictionary(s => s.Story, s => floor + (int)Math.Floor(s.Exact));
        var missing = count - counts.Values.Sum();
        foreach (var share in shares.OrderByDescending(s => s.Exact - Math.Floor(s.Exact)).ThenBy(s => s.Story).Take(missing))
        {
            counts[share.Story]++;
        }

        return counts.OrderBy(c => c.Key).SelectMany(c => Enumerable.Repeat(c.Key, c.Value)).ToList();
    }

    private static void Shuffle(List<CaseStory> stories, Random random)
    {
        for (var i = stories.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (stories[i], stories[j]) = (stories[j], stories[i]);
        }
    }
}
