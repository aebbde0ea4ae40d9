using GhStats.Domain;
using GhStats.Stores;

namespace GhStats.Notifications.Events;

/// <summary>
/// What a subscriber may see in a tenant, decided as the web module decides it for their requests, from the same store
/// calls: an admin or a member (owner or viewer) sees the whole tenant; someone holding only repository grants sees those
/// repositories; anyone else sees nothing. Their own copies of events (<see cref="NotificationEvent.UserId"/>) hold only that.
/// </summary>
internal sealed class SubscriberScope(IUserStore users, IMembershipStore memberships, IRepositoryStore repositories, INotificationStore notifications)
{
    /// <summary>The repositories <paramref name="userId"/> may see in <paramref name="tenantId"/>.</summary>
    /// <returns>Null for the whole tenant, else the granted repositories (empty: nothing).</returns>
    public async Task<IReadOnlyCollection<long>?> VisibleInAsync(long userId, long tenantId, CancellationToken cancellationToken)
    {
        if ((await users.GetSystemRolesAsync(userId, cancellationToken).ConfigureAwait(false)).Contains(SystemRole.Admin)
            || (await memberships.ListMembershipsAsync(userId, cancellationToken).ConfigureAwait(false)).Any(m => m.TenantId == tenantId))
        {
            return null;
        }

        var visible = new List<long>();
        foreach (var grant in await memberships.ListGrantsAsync(userId, cancellationToken).ConfigureAwait(false))
        {
            if (await repositories.FindAsync(grant.RepositoryId, cancellationToken).ConfigureAwait(false) is { TenantId: var owner, IsActive: true } && owner == tenantId)
            {
                visible.Add(grant.RepositoryId);
            }
        }

        return visible;
    }

    /// <summary>The subscribers of a tenant to <paramref name="topic"/> who may see anything in it.</summary>
    public async Task<IReadOnlyList<Subscriber>> SubscribersAsync(long tenantId, NotificationTopics topic, CancellationToken cancellationToken)
    {
        var subscribers = new List<Subscriber>();
        foreach (var subscription in await notifications.ListSubscribersAsync(tenantId, topic, cancellationToken).ConfigureAwait(false))
        {
            var visible = await VisibleInAsync(subscription.UserId, tenantId, cancellationToken).ConfigureAwait(false);
            if (visible is not { Count: 0 })
            {
                subscribers.Add(new Subscriber(subscription.UserId, visible));
            }
        }

        return subscribers;
    }
}
