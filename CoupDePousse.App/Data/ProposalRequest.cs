namespace CoupDePousse.App.Data;

/// <summary>
/// The request id a proposal form draws when it opens (decision 045), saved with the case it created: its key makes a
/// second submit of the same form (a double click, a retry after a lost answer) find that case instead of proposing another.
/// </summary>
public sealed class ProposalRequest
{
    public Guid Id { get; init; }

    public Guid CaseId { get; init; }
}
