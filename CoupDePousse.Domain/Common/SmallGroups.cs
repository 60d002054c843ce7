namespace CoupDePousse.Domain.Common;

/// <summary>Statistics over fewer than five cases are not shown, so that nobody can be singled out.</summary>
public static class SmallGroups
{
    public const int MinimumSize = 5;

    public static bool CanShow(int caseCount) => caseCount >= MinimumSize;
}
