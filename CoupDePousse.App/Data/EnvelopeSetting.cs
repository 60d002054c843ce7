namespace CoupDePousse.App.Data;

/// <summary>The programme's envelope for one calendar year, as HR or the admin set it (decision 031); no row means none set.</summary>
public sealed class EnvelopeSetting
{
    public int Year { get; set; }

    public long AmountCents { get; set; }
}
