using System.Data.Common;
using System.Globalization;
using GhStats.Domain;
using GhStats.Storage.Relational;
using GhStats.Stores;

namespace GhStats.Storage.Notifications;

/// <summary>
/// Notifications on a relational database. An event, its outbox messages and the condition behind it are written in one
/// transaction; a key raised twice (even by two processes at once) is refused by the unique index, which rolls the whole
/// transaction back, so nothing of the second raise remains on any database.
/// </summary>
internal sealed class NotificationStore(StoreDatabase db, NotificationStatements sql) : INotificationStore
{
    public async Task<NotificationChannel> AddChannelAsync(NewNotificationChannel channel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var name = Input.Required(channel.Name, nameof(channel.Name), FieldLimits.ChannelName).Trim();
        if (!Enum.IsDefined(channel.Kind))
        {
            throw new ArgumentOutOfRangeException(nameof(channel), channel.Kind, "Unknown channel kind.");
        }

        CheckTopics(channel.Topics, nameof(channel));
        var email = channel.Kind == NotificationChannelKind.Email;
        var recipients = email
            ? Input.Required(channel.Recipients, nameof(channel.Recipients), FieldLimits.ChannelRecipients)
            : Input.Optional(channel.Recipients, nameof(channel.Recipients), FieldLimits.ChannelRecipients);
        var secret = email
            ? Input.Optional(channel.ProtectedSecret, nameof(channel.ProtectedSecret), FieldLimits.ProtectedSecret)
            : Input.Required(channel.ProtectedSecret, nameof(channel.ProtectedSecret), FieldLimits.ProtectedSecret);
        var createdBy = Input.Cut(channel.CreatedBy, FieldLimits.AuditActor);
        var language = Input.Language(channel.Language, nameof(channel.Language));
        try
        {
            return await db.WriteAsync(
                async (connection, transaction) =>
                {
                    await db.RequireAsync(connection, transaction, sql.TenantExists, c => c.With("tenant_id", channel.TenantId), "tenant", channel.TenantId, cancellationToken).ConfigureAwait(false);
                    using (var taken = db.Command(connection, transaction, sql.ChannelNameTaken).With("tenant_id", channel.TenantId).With("name", name))
                    {
                        if (await taken.ScalarInt64Async(cancellationToken).ConfigureAwait(false) > 0)
                        {
                            throw NameTaken(name, null);
                        }
                    }

                    var now = db.Now;
                    using var insert = db.Command(connection, transaction, sql.InsertChannel)
                        .With("tenant_id", channel.TenantId).With("name", name).WithEnum("kind", channel.Kind).With("topics", (int)channel.Topics)
                        .With("recipients", recipients).With("protected_secret", secret).With("created_at", now).With("created_by", createdBy)
                        .With("language", language);
                    var id = await insert.ScalarInt64Async(cancellationToken).ConfigureAwait(false)
                        ?? throw new InvalidOperationException("The database returned no id for the new notification channel.");
                    return new NotificationChannel(id, channel.TenantId, name, channel.Kind, channel.Topics, recipients, secret, now, createdBy)
                    {
                        Language = language,
                    };
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (DbException exception) when (db.Dialect.IsUniqueViolation(exception))
        {
            // Another request added the same name between our check and our insert.
            throw NameTaken(name, exception);
        }
    }

    public async Task<NotificationChannel> GetChannelAsync(long tenantId, long channelId, CancellationToken cancellationToken = default) =>
        await db.ReadAsync(connection => FindChannelAsync(connection, null, tenantId, channelId, cancellationToken), cancellationToken).ConfigureAwait(false)
        ?? throw new GhStatsNotFoundException("notification channel", channelId);

    public Task<IReadOnlyList<NotificationChannel>> ListChannelsAsync(long tenantId, CancellationToken cancellationToken = default) =>
        db.ReadAsync<IReadOnlyList<NotificationChannel>>(
            async connection =>
            {
                using var command = db.Command(connection, sql.ListChannels).With("tenant_id", tenantId);
                return await command.ListAsync(NotificationChannelRows.Shape, NotificationChannelRows.Read, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    public Task DeleteChannelAsync(long tenantId, long channelId, CancellationToken cancellationToken = default) =>
        db.WriteAsync(
            async (connection, transaction) =>
            {
                _ = await FindChannelAsync(connection, transaction, tenantId, channelId, cancellationToken).ConfigureAwait(false)
                    ?? throw new GhStatsNotFoundException("notification channel", channelId);

                // Its messages go with it (nothing could deliver them); the delivery log keeps what was sent.
                using (var messages = db.Command(connection, transaction, sql.DeleteChannelMessages).With("channel_id", channelId))
                {
                    await messages.ExecuteAsync(cancellationToken).ConfigureAwait(false);
                }

                using var delete = db.Command(connection, transaction, sql.DeleteChannel).With("tenant_id", tenantId).With("channel_id", channelId);
                await delete.ExecuteAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    public async Task<NotificationSubscription?> SetSubscriptionAsync(long userId, long tenantId, NotificationTopics topics, CancellationToken cancellationToken = default)
    {
        CheckTopics(topics, nameof(topics));
        try
        {
            return await SetSubscriptionOnceAsync(userId, tenantId, topics, cancellationToken).ConfigureAwait(false);
        }
        catch (DbException exception) when (db.Dialect.IsUniqueViolation(exception))
        {
            // Another request subscribed the same person at the same moment: their row exists now, so this is an update.
            return await SetSubscriptionOnceAsync(userId, tenantId, topics, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task<IReadOnlyList<NotificationSubscription>> ListSubscriptionsAsync(long userId, CancellationToken cancellationToken = default) =>
        db.ReadAsync<IReadOnlyList<NotificationSubscription>>(
            async connection =>
            {
                using var command = db.Command(connection, sql.ListSubscriptions).With("user_id", userId);
                return await command.ListAsync(NotificationSubscriptionRows.Shape, NotificationSubscriptionRows.Read, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    public Task<IReadOnlyList<NotificationSubscription>> ListSubscribersAsync(long tenantId, NotificationTopics topic, CancellationToken cancellationToken = default)
    {
        CheckSingleTopic(topic, nameof(topic));
        return db.ReadAsync<IReadOnlyList<NotificationSubscription>>(
            async connection =>
            {
                using var command = WithTopic(db.Command(connection, sql.ListSubscribers).With("tenant_id", tenantId), topic);
                return await command.ListAsync(NotificationSubscriptionRows.Shape, NotificationSubscriptionRows.Read, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    public async Task<bool> RaiseAsync(NotificationEvent notification, CancellationToken cancellationToken = default)
    {
        var checkedEvent = Checked(notification, nameof(notification));
        try
        {
            return await db.WriteAsync(
                async (connection, transaction) =>
                {
                    await RequireTenantAsync(connection, transaction, checkedEvent.TenantId, cancellationToken).ConfigureAwait(false);
                    return await RaiseAsync(connection, transaction, checkedEvent, cancellationToken).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (DbException exception) when (db.Dialect.IsUniqueViolation(exception))
        {
            // Another process raised the same key a moment before us; our transaction rolled back whole.
            return false;
        }
    }

    public async Task<bool> OpenConditionAsync(NotificationCondition condition, NotificationEvent started, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var key = Input.Required(condition.Key, nameof(condition.Key), FieldLimits.ConditionKey);
        var summary = Input.Cut(string.IsNullOrWhiteSpace(condition.Summary) ? key : condition.Summary, FieldLimits.ConditionSummary)!;
        var checkedEvent = Checked(started, nameof(started));
        SameTenant(condition.TenantId, checkedEvent, nameof(started));
        try
        {
            return await db.WriteAsync(
                async (connection, transaction) =>
                {
                    await RequireTenantAsync(connection, transaction, condition.TenantId, cancellationToken).ConfigureAwait(false);
                    using (var open = db.Command(connection, transaction, sql.ConditionOpen).With("tenant_id", condition.TenantId).With("condition_key", key))
                    {
                        if (await open.ScalarInt64Async(cancellationToken).ConfigureAwait(false) > 0)
                        {
                            return false;
                        }
                    }

                    using (var insert = db.Command(connection, transaction, sql.InsertCondition)
                        .With("tenant_id", condition.TenantId).With("condition_key", key)
                        .With("opened_at", StoreDatabase.ToMicroseconds(condition.OpenedAt)).With("summary", summary))
                    {
                        await insert.ExecuteAsync(cancellationToken).ConfigureAwait(false);
                    }

                    // The condition opens even if its announcement's key was raised before (it is then not raised twice).
                    await RaiseAsync(connection, transaction, checkedEvent, cancellationToken).ConfigureAwait(false);
                    return true;
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (DbException exception) when (db.Dialect.IsUniqueViolation(exception))
        {
            // Another process opened it (or raised its announcement) a moment before us.
            return false;
        }
    }

    public async Task<bool> CloseConditionAsync(
        long tenantId, string key, NotificationEvent resolved, IReadOnlyCollection<NotificationEvent>? copies = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var checkedEvent = Checked(resolved, nameof(resolved));
        SameTenant(tenantId, checkedEvent, nameof(resolved));
        var checkedCopies = (copies ?? []).Select(c => Checked(c, nameof(copies))).ToList();
        foreach (var copy in checkedCopies)
        {
            SameTenant(tenantId, copy, nameof(copies));
        }
        try
        {
            return await db.WriteAsync(
                async (connection, transaction) =>
                {
                    // The delete decides: of two processes clearing at once, one deletes the row and the other finds none.
                    using (var delete = db.Command(connection, transaction, sql.DeleteCondition).With("tenant_id", tenantId).With("condition_key", key))
                    {
                        if (await delete.ExecuteAsync(cancellationToken).ConfigureAwait(false) == 0)
                        {
                            return false;
                        }
                    }

                    await RaiseAsync(connection, transaction, checkedEvent, cancellationToken).ConfigureAwait(false);
                    foreach (var copy in checkedCopies)
                    {
                        await RaiseAsync(connection, transaction, copy, cancellationToken).ConfigureAwait(false);
                    }

                    return true;
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (DbException exception) when (db.Dialect.IsUniqueViolation(exception))
        {
            // The announcement's key was raised by another process at the same moment; the condition stays as it was.
            return false;
        }
    }

    public Task<IReadOnlyList<NotificationCondition>> ListOpenConditionsAsync(long? tenantId = null, CancellationToken cancellationToken = default) =>
        db.ReadAsync<IReadOnlyList<NotificationCondition>>(
            async connection =>
            {
                using var command = tenantId is { } id
                    ? db.Command(connection, sql.ListTenantConditions).With("tenant_id", id)
                    : db.Command(connection, sql.ListConditions);
                return await command.ListAsync(NotificationConditionRows.Shape, NotificationConditionRows.Read, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    public Task<IReadOnlyList<NotificationMessage>> ClaimDueAsync(string holder, int limit, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default)
    {
        Input.Required(holder, nameof(holder), FieldLimits.LeaseHolder);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 1000);
        var until = StoreDatabase.ToMicroseconds(leaseUntil);
        if (until <= db.Now)
        {
            // A claim that has lapsed already would let another process take the same message at once.
            throw new ArgumentOutOfRangeException(nameof(leaseUntil), leaseUntil, "A claim must end after now.");
        }

        return db.WriteAsync<IReadOnlyList<NotificationMessage>>(
            async (connection, transaction) =>
            {
                var now = db.Now;
                List<long> due;
                using (var list = Claimable(db.Command(connection, transaction, sql.ListDue(limit)), now))
                {
                    due = await list.ListAsync(OutboxIdRows.Shape, OutboxIdRows.Read, cancellationToken).ConfigureAwait(false);
                }

                // Each row is taken by a conditional update that re-checks it is still free: of two claimers, the
                // database lets one update a row and the other then finds it taken (zero rows), as with leases.
                var won = new HashSet<long>();
                using (var claim = db.Command(connection, transaction, sql.Claim))
                {
                    foreach (var id in due)
                    {
                        Claimable(claim.ClearParameters().With("holder", holder).With("lease_until", until).With("message_id", id), now);
                        if (await claim.ExecuteAsync(cancellationToken).ConfigureAwait(false) == 1)
                        {
                            won.Add(id);
                        }
                    }
                }

                if (won.Count == 0)
                {
                    return [];
                }

                using var read = db.Command(connection, transaction, sql.ListClaimed)
                    .With("holder", holder).With("first_id", won.Min()).With("last_id", won.Max());
                var held = await read.ListAsync(NotificationMessageRows.Shape, NotificationMessageRows.Read, cancellationToken).ConfigureAwait(false);
                return held.Where(m => won.Contains(m.Id)).ToList();
            },
            cancellationToken);
    }

    public Task<NotificationDelivery> RecordAttemptAsync(long messageId, NotificationAttempt attempt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attempt);

        // What happened has happened: an over-long outcome is cut rather than the record of it refused.
        var outcome = Input.Cut(string.IsNullOrWhiteSpace(attempt.Outcome) ? (attempt.Succeeded ? "delivered" : "failed") : attempt.Outcome, FieldLimits.DeliveryOutcome)!;
        return db.WriteAsync(
            async (connection, transaction) =>
            {
                List<(NotificationMessage Message, OutboxState State)> found;
                using (var get = db.Command(connection, transaction, sql.GetMessage).With("message_id", messageId))
                {
                    found = await get.ListAsync(NotificationMessageRows.WithState, NotificationMessageRows.ReadWithState, cancellationToken).ConfigureAwait(false);
                }

                var (message, state) = found.Count == 1 ? found[0] : throw new GhStatsNotFoundException("notification message", messageId);
                var now = db.Now;

                // A late report (its claim lapsed and another process settled the message) never reopens a settled message.
                var settled = attempt.Succeeded ? OutboxState.Delivered
                    : state != OutboxState.Pending ? state
                    : attempt.RetryAt is null ? OutboxState.GivenUp
                    : OutboxState.Pending;
                var willRetry = settled == OutboxState.Pending;
                var next = willRetry ? StoreDatabase.ToMicroseconds(attempt.RetryAt!.Value) : message.NextAttemptAt;
                var number = message.Attempts + 1;
                using (var settle = db.Command(connection, transaction, sql.Settle)
                    .WithEnum("state", settled).With("attempts", number).With("next_attempt_at", next).With("message_id", messageId))
                {
                    await settle.ExecuteAsync(cancellationToken).ConfigureAwait(false);
                }

                using var insert = db.Command(connection, transaction, sql.InsertDelivery)
                    .With("message_id", messageId).With("event_id", EventId(message.EventId)).With("tenant_id", message.TenantId)
                    .With("channel_id", message.ChannelId).With("user_id", message.UserId).With("kind", message.Kind).With("attempt", number)
                    .With("attempted_at", now).With("succeeded", attempt.Succeeded ? 1 : 0).With("outcome", outcome).With("will_retry", willRetry ? 1 : 0);
                var id = await insert.ScalarInt64Async(cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException("The database returned no id for the new delivery log line.");
                return new NotificationDelivery(
                    id, messageId, message.EventId, message.TenantId, message.ChannelId, message.UserId, message.Kind, number, now, attempt.Succeeded, outcome, willRetry);
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<NotificationDelivery>> ListDeliveriesAsync(
        long tenantId, long? channelId = null, int limit = 50, long? beforeId = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 500);
        return db.ReadAsync<IReadOnlyList<NotificationDelivery>>(
            async connection =>
            {
                using var command = channelId is { } channel
                    ? db.Command(connection, sql.ListChannelDeliveries(limit)).With("tenant_id", tenantId).With("channel_id", channel)
                    : db.Command(connection, sql.ListDeliveries(limit)).With("tenant_id", tenantId);
                command.With("before_id", beforeId ?? long.MaxValue);
                return await command.ListAsync(NotificationDeliveryRows.Shape, NotificationDeliveryRows.Read, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    /// <summary>Writes an event and its messages in the caller's transaction; false, writing nothing, when its key was raised before.</summary>
    private async Task<bool> RaiseAsync(DbConnection connection, DbTransaction transaction, NotificationEvent notification, CancellationToken cancellationToken)
    {
        using (var taken = db.Command(connection, transaction, sql.EventKeyTaken).With("tenant_id", notification.TenantId).With("event_key", notification.Key))
        {
            if (await taken.ScalarInt64Async(cancellationToken).ConfigureAwait(false) > 0)
            {
                return false;
            }
        }

        var destinations = await DestinationsAsync(connection, transaction, notification, cancellationToken).ConfigureAwait(false);
        var eventId = EventId(notification.Id);
        using (var insert = db.Command(connection, transaction, sql.InsertEvent)
            .With("event_id", eventId).With("tenant_id", notification.TenantId).With("kind", notification.Kind).With("topic", (int)notification.Topic)
            .With("event_key", notification.Key).With("payload", notification.Payload).With("occurred_at", StoreDatabase.ToMicroseconds(notification.OccurredAt)))
        {
            await insert.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }

        var now = db.Now;
        using var message = db.Command(connection, transaction, sql.InsertMessage);
        foreach (var (channelId, userId) in destinations)
        {
            message.ClearParameters().With("event_id", eventId).With("tenant_id", notification.TenantId).With("channel_id", channelId).With("user_id", userId)
                .WithEnum("state", OutboxState.Pending).With("next_attempt_at", now);
            await message.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Who receives an event: the one channel it names, the one subscriber it names, or every channel of the tenant that takes its topic.</summary>
    private async Task<List<(long? ChannelId, long? UserId)>> DestinationsAsync(
        DbConnection connection, DbTransaction transaction, NotificationEvent notification, CancellationToken cancellationToken)
    {
        if (notification.ChannelId is { } channelId)
        {
            _ = await FindChannelAsync(connection, transaction, notification.TenantId, channelId, cancellationToken).ConfigureAwait(false)
                ?? throw new GhStatsNotFoundException("notification channel", channelId);
            return [(channelId, null)];
        }

        if (notification.UserId is { } userId)
        {
            using var get = db.Command(connection, transaction, sql.GetSubscription).With("user_id", userId).With("tenant_id", notification.TenantId);
            var subscription = await get.FirstOrDefaultAsync(NotificationSubscriptionRows.Shape, NotificationSubscriptionRows.Read, cancellationToken).ConfigureAwait(false);
            return subscription is not null && (subscription.Topics & notification.Topic) != 0 ? [(null, userId)] : [];
        }

        using var list = WithTopic(db.Command(connection, transaction, sql.ListChannelsForTopic).With("tenant_id", notification.TenantId), notification.Topic);
        var channels = await list.ListAsync(NotificationChannelRows.Shape, NotificationChannelRows.Read, cancellationToken).ConfigureAwait(false);
        return channels.Select(c => ((long?)c.Id, (long?)null)).ToList();
    }

    private async Task<NotificationSubscription?> SetSubscriptionOnceAsync(long userId, long tenantId, NotificationTopics topics, CancellationToken cancellationToken) =>
        await db.WriteAsync(
            async (connection, transaction) =>
            {
                if (topics == NotificationTopics.None)
                {
                    using var delete = db.Command(connection, transaction, sql.DeleteSubscription).With("user_id", userId).With("tenant_id", tenantId);
                    await delete.ExecuteAsync(cancellationToken).ConfigureAwait(false);
                    return null;
                }

                await RequireTenantAsync(connection, transaction, tenantId, cancellationToken).ConfigureAwait(false);
                await db.RequireAsync(connection, transaction, sql.UserExists, c => c.With("user_id", userId), "user", userId, cancellationToken).ConfigureAwait(false);
                using (var update = db.Command(connection, transaction, sql.UpdateSubscription).With("topics", (int)topics).With("user_id", userId).With("tenant_id", tenantId))
                {
                    if (await update.ExecuteAsync(cancellationToken).ConfigureAwait(false) == 0)
                    {
                        using var insert = db.Command(connection, transaction, sql.InsertSubscription)
                            .With("user_id", userId).With("tenant_id", tenantId).With("topics", (int)topics).With("created_at", db.Now);
                        await insert.ExecuteAsync(cancellationToken).ConfigureAwait(false);
                    }
                }

                using var get = db.Command(connection, transaction, sql.GetSubscription).With("user_id", userId).With("tenant_id", tenantId);
                return await get.FirstOrDefaultAsync(NotificationSubscriptionRows.Shape, NotificationSubscriptionRows.Read, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);

    private async Task<NotificationChannel?> FindChannelAsync(DbConnection connection, DbTransaction? transaction, long tenantId, long channelId, CancellationToken cancellationToken)
    {
        using var command = db.Command(connection, transaction, sql.GetChannel).With("tenant_id", tenantId).With("channel_id", channelId);
        return await command.FirstOrDefaultAsync(NotificationChannelRows.Shape, NotificationChannelRows.Read, cancellationToken).ConfigureAwait(false);
    }

    private Task RequireTenantAsync(DbConnection connection, DbTransaction transaction, long tenantId, CancellationToken cancellationToken) =>
        db.RequireAsync(connection, transaction, sql.TenantExists, c => c.With("tenant_id", tenantId), "tenant", tenantId, cancellationToken);

    private static StoreCommand Claimable(StoreCommand command, DateTimeOffset now) =>
        command.WithEnum("pending", OutboxState.Pending).With("now", now).With("claims_lapsed_at", now);

    private static StoreCommand WithTopic(StoreCommand command, NotificationTopics topic) =>
        command.With("topic", (int)topic).With("topic_above", 2 * (int)topic);

    private static string EventId(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);

    private static GhStatsConflictException NameTaken(string name, Exception? inner)
    {
        var message = $"The tenant has a notification channel named '{name}' already.";
        return inner is null ? new(message) : new(message, inner);
    }

    private static NotificationEvent Checked(NotificationEvent? notification, string parameter)
    {
        ArgumentNullException.ThrowIfNull(notification, parameter);
        if (notification.Id == Guid.Empty)
        {
            throw new ArgumentException("The event needs an id.", parameter);
        }

        Input.Required(notification.Kind, nameof(notification.Kind), FieldLimits.NotificationKind);
        Input.Required(notification.Key, nameof(notification.Key), FieldLimits.NotificationKey);
        Input.Required(notification.Payload, nameof(notification.Payload), FieldLimits.NotificationPayload);
        CheckSingleTopic(notification.Topic, parameter);
        if (notification.ChannelId is not null && notification.UserId is not null)
        {
            throw new ArgumentException("An event goes to one channel or one subscriber, not both.", parameter);
        }

        return notification;
    }

    private static void SameTenant(long tenantId, NotificationEvent notification, string parameter)
    {
        if (notification.TenantId != tenantId)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The event is for tenant {notification.TenantId}, the condition for tenant {tenantId}."), parameter);
        }
    }

    private static void CheckTopics(NotificationTopics topics, string parameter)
    {
        if ((topics & ~NotificationTopics.All) != 0)
        {
            throw new ArgumentOutOfRangeException(parameter, topics, "Unknown notification topics.");
        }
    }

    private static void CheckSingleTopic(NotificationTopics topic, string parameter)
    {
        if (topic is not (NotificationTopics.Digest or NotificationTopics.Spike or NotificationTopics.Trouble))
        {
            throw new ArgumentOutOfRangeException(parameter, topic, "An event has exactly one topic.");
        }
    }
}
