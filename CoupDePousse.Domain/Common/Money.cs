namespace CoupDePousse.Domain.Common;

public static class Money
{
    /// <summary>Minutes at an hourly rate, in whole cents, rounded half away from zero.</summary>
    public static long CostCents(int hourlyRateCents, int minutes) =>
        (long)Math.Round(hourlyRateCents * (double)minutes / 60.0, MidpointRounding.AwayFromZero);
}
