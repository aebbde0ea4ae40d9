namespace GhStats.Administration;

/// <summary>What giving an email a role in a tenant did.</summary>
public enum MemberStatus
{
    /// <summary>A profile has that email: it is a member now.</summary>
    Member = 1,

    /// <summary>No profile has that email yet: an invitation waits for its first sign-in.</summary>
    Invited = 2,
}
