namespace GhStats.Domain;

/// <summary>Where the backfill of a repository's star history from GitHub's stargazers list stands.</summary>
public enum StarBackfillState
{
    /// <summary>No page has been read yet.</summary>
    NotStarted = 0,

    /// <summary>Some pages are stored; the next run reads on from <see cref="StarBackfill.NextPage"/>.</summary>
    InProgress = 1,

    /// <summary>The whole list was read: the star history before tracking is known (as a lower bound).</summary>
    Complete = 2,

    /// <summary>GitHub refused the rest of the list (its page limit on very large repositories, or a 403/422): what was read stays, nothing more is asked.</summary>
    Limited = 3,
}
