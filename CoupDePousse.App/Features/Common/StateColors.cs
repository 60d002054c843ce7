using CoupDePousse.Domain.Cases;
using MudBlazor;

namespace CoupDePousse.App.Features.Common;

public static class StateColors
{
    /// <summary>The colour of a state's chip in every list.</summary>
    public static Color Of(CaseState state) => state switch
    {
        CaseState.Closed => Color.Success,
        CaseState.Declined or CaseState.Cancelled => Color.Default,
        CaseState.UnderDiscussion => Color.Warning,
        _ => Color.Primary,
    };
}
