namespace CoupDePousse.Domain.Common;

/// <summary>The five roles of the product; each user holds exactly one.</summary>
public enum Role
{
    Beneficiary,
    Manager,
    Intervener,
    HR,
    Admin,
}

/// <summary>Who performs an operation. Their relation to a case is read from the case itself.</summary>
public sealed record Actor(string UserId, Role Role)
{
    public static Actor Beneficiary(string userId) => new(userId, Role.Beneficiary);

    public static Actor Manager(string userId) => new(userId, Role.Manager);

    public static Actor Intervener(string userId) => new(userId, Role.Intervener);

    public static Actor Hr(string userId) => new(userId, Role.HR);

    public static Actor Admin(string userId) => new(userId, Role.Admin);
}
