namespace GhStats.Testing.GitHub;

/// <summary>What kind of GitHub account owns simulated repositories.</summary>
public enum SimulatedOwnerType
{
    /// <summary>An organization: listed by <c>/orgs/{org}/repos</c> and <c>/users/{org}/repos</c>.</summary>
    Organization,

    /// <summary>A user: listed by <c>/users/{user}/repos</c> only; <c>/orgs/{user}/repos</c> answers 404.</summary>
    User,
}
