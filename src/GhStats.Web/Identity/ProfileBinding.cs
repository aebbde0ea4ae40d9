using GhStats.Domain;

namespace GhStats.Web.Identity;

/// <summary>The outcome of a sign-in: the profile, or why there is none.</summary>
/// <param name="Profile">The signed-in profile, when admitted.</param>
/// <param name="Refusal">Why the identity was refused, when it was.</param>
internal sealed record ProfileBinding(UserProfile? Profile, string? Refusal)
{
    public static ProfileBinding Admitted(UserProfile profile) => new(profile, null);

    public static ProfileBinding Refused(string reason) => new(null, reason);
}
