namespace GhStats.Domain;

/// <summary>A member's role within one tenant.</summary>
public enum TenantRole
{
    /// <summary>Manages the tenant's repositories, members and GitHub connections.</summary>
    Owner = 1,

    /// <summary>Sees all the tenant's repositories.</summary>
    Viewer = 2,
}
