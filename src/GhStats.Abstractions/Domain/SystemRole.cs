namespace GhStats.Domain;

/// <summary>A role that spans every tenant.</summary>
public enum SystemRole
{
    /// <summary>Everything, in every tenant.</summary>
    Admin = 1,

    /// <summary>Reads the system's collection log and triggers collection.</summary>
    Maintainer = 2,
}
