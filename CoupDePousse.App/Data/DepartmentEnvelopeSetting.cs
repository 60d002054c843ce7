namespace CoupDePousse.App.Data;

/// <summary>A department's envelope for one calendar year (decision 034); no row means none set for it.</summary>
public sealed class DepartmentEnvelopeSetting
{
    public int Year { get; set; }

    public string Department { get; set; } = "";

    public long AmountCents { get; set; }
}
