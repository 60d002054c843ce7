using CoupDePousse.Domain.Common;

namespace CoupDePousse.App.Security;

public static class ActorMapping
{
    /// <summary>The domain's actor for the signed-in user: the app's role names are the domain's.</summary>
    public static Actor ToActor(this CurrentUserInfo user) => new(user.Id, Enum.Parse<Role>(user.Role));
}
