namespace GhStats.Domain;

/// <summary>What a channel or a subscription receives; a channel may take several.</summary>
[Flags]
public enum NotificationTopics
{
    /// <summary>Nothing (a subscription set to this is removed).</summary>
    None = 0,

    /// <summary>The weekly digest, sent on Monday for the previous ISO week.</summary>
    Digest = 1,

    /// <summary>A day's views well above a repository's recent normal, once per repository and day.</summary>
    Spike = 2,

    /// <summary>Collection trouble: one message when a condition starts and one when it clears.</summary>
    Trouble = 4,

    /// <summary>Every topic.</summary>
    All = Digest | Spike | Trouble,
}
