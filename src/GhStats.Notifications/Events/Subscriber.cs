namespace GhStats.Notifications.Events;

/// <summary>A person subscribed to a topic in a tenant, with what they may see there.</summary>
/// <param name="UserId">The person.</param>
/// <param name="Visible">The repositories they may see, or null for the whole tenant.</param>
internal sealed record Subscriber(long UserId, IReadOnlyCollection<long>? Visible)
{
    /// <summary>Whether they may see the whole tenant (members and admins).</summary>
    public bool SeesTenant => Visible is null;

    /// <summary>Whether they may see one repository.</summary>
    public bool Sees(long repositoryId) => Visible is null || Visible.Contains(repositoryId);

    /// <summary>The key of their copy of an event: <c>{key}:user:{id}</c>.</summary>
    public string KeyOf(string key) => FormattableString.Invariant($"{key}:user:{UserId}");
}
