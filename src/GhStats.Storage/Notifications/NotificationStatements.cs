using GhStats.Storage.Relational;
using GhStats.Storage.Sql;

namespace GhStats.Storage.Notifications;

/// <summary>
/// The SQL of <see cref="NotificationStore"/>. A message is claimed by a conditional UPDATE per row (the database
/// serialises competing updates of a row, as for leases), so no dialect needs SKIP LOCKED or a second copy of a statement.
/// </summary>
internal sealed class NotificationStatements : StatementSet
{
    // Whether a topics column takes the topic bound as @topic (a single flag; @topic_above is twice it): the flag's bit is
    // set when topics / flag is odd. Integer arithmetic, because Db2 spells the bitwise AND BITAND and the others '&'.
    private const string TakesTopic = "topics / @topic - 2 * (topics / @topic_above) = 1";

    // Due and not held: its time has come, and nobody holds it or the holder's claim lapsed.
    private const string Claimable =
        "state = @pending AND next_attempt_at <= @now AND (claimed_until IS NULL OR claimed_until <= @claims_lapsed_at)";

    public NotificationStatements(SqlDialect dialect)
        : base(dialect)
    {
        TenantExists = CountTenant("Notifications");
        UserExists = new("Notifications.UserExists", $"SELECT COUNT(*) FROM {T("users")} WHERE id = @user_id");

        var channels = $"SELECT {NotificationChannelRows.Shape.Select()} FROM {T("notification_channels")}";
        InsertChannel = new("Notifications.InsertChannel", Dialect.InsertReturningId(T("notification_channels"),
            "tenant_id, name, kind, topics, recipients, protected_secret, created_at, created_by, language",
            "@tenant_id, @name, @kind, @topics, @recipients, @protected_secret, @created_at, @created_by, @language"));
        ChannelNameTaken = new("Notifications.ChannelNameTaken",
            $"SELECT COUNT(*) FROM {T("notification_channels")} WHERE tenant_id = @tenant_id AND name = @name");
        GetChannel = new("Notifications.GetChannel", $"{channels} WHERE tenant_id = @tenant_id AND id = @channel_id");
        ListChannels = new("Notifications.ListChannels", $"{channels} WHERE tenant_id = @tenant_id ORDER BY name, id");
        ListChannelsForTopic = new("Notifications.ListChannelsForTopic", $"{channels} WHERE tenant_id = @tenant_id AND {TakesTopic} ORDER BY id");
        DeleteChannelMessages = new("Notifications.DeleteChannelMessages", $"DELETE FROM {T("notification_outbox")} WHERE channel_id = @channel_id");
        DeleteChannel = new("Notifications.DeleteChannel", $"DELETE FROM {T("notification_channels")} WHERE tenant_id = @tenant_id AND id = @channel_id");

        var subscriptions = $"SELECT {NotificationSubscriptionRows.Shape.Select()} FROM {T("notification_subscriptions")}";
        GetSubscription = new("Notifications.GetSubscription", $"{subscriptions} WHERE user_id = @user_id AND tenant_id = @tenant_id");
        InsertSubscription = new("Notifications.InsertSubscription",
            $"INSERT INTO {T("notification_subscriptions")} (user_id, tenant_id, topics, created_at) VALUES (@user_id, @tenant_id, @topics, @created_at)");
        UpdateSubscription = new("Notifications.UpdateSubscription",
            $"UPDATE {T("notification_subscriptions")} SET topics = @topics WHERE user_id = @user_id AND tenant_id = @tenant_id");
        DeleteSubscription = new("Notifications.DeleteSubscription",
            $"DELETE FROM {T("notification_subscriptions")} WHERE user_id = @user_id AND tenant_id = @tenant_id");
        ListSubscriptions = new("Notifications.ListSubscriptions", $"{subscriptions} WHERE user_id = @user_id ORDER BY tenant_id");
        ListSubscribers = new("Notifications.ListSubscribers", $"{subscriptions} WHERE tenant_id = @tenant_id AND {TakesTopic} ORDER BY user_id");

        EventKeyTaken = new("Notifications.EventKeyTaken",
            $"SELECT COUNT(*) FROM {T("notification_events")} WHERE tenant_id = @tenant_id AND event_key = @event_key");
        InsertEvent = new("Notifications.InsertEvent",
            $"INSERT INTO {T("notification_events")} (id, tenant_id, kind, topic, event_key, payload, occurred_at) " +
            "VALUES (@event_id, @tenant_id, @kind, @topic, @event_key, @payload, @occurred_at)");
        InsertMessage = new("Notifications.InsertMessage",
            $"INSERT INTO {T("notification_outbox")} (event_id, tenant_id, channel_id, user_id, state, attempts, next_attempt_at) " +
            "VALUES (@event_id, @tenant_id, @channel_id, @user_id, @state, 0, @next_attempt_at)");

        ConditionOpen = new("Notifications.ConditionOpen",
            $"SELECT COUNT(*) FROM {T("notification_conditions")} WHERE tenant_id = @tenant_id AND condition_key = @condition_key");
        InsertCondition = new("Notifications.InsertCondition",
            $"INSERT INTO {T("notification_conditions")} (tenant_id, condition_key, opened_at, summary) VALUES (@tenant_id, @condition_key, @opened_at, @summary)");
        DeleteCondition = new("Notifications.DeleteCondition",
            $"DELETE FROM {T("notification_conditions")} WHERE tenant_id = @tenant_id AND condition_key = @condition_key");
        var conditions = $"SELECT {NotificationConditionRows.Shape.Select()} FROM {T("notification_conditions")}";
        ListConditions = new("Notifications.ListConditions", $"{conditions} ORDER BY tenant_id, opened_at, condition_key");
        ListTenantConditions = new("Notifications.ListTenantConditions", $"{conditions} WHERE tenant_id = @tenant_id ORDER BY opened_at, condition_key");

        Claim = new("Notifications.Claim",
            $"UPDATE {T("notification_outbox")} SET claimed_by = @holder, claimed_until = @lease_until WHERE id = @message_id AND {Claimable}");
        var messages = $"FROM {T("notification_outbox")} o JOIN {T("notification_events")} e ON e.id = o.event_id";
        ListClaimed = new("Notifications.ListClaimed",
            $"SELECT {NotificationMessageRows.Shape.Select()} {messages} " +
            "WHERE o.claimed_by = @holder AND o.id >= @first_id AND o.id <= @last_id ORDER BY o.next_attempt_at, o.id");
        GetMessage = new("Notifications.GetMessage", $"SELECT {NotificationMessageRows.WithState.Select()} {messages} WHERE o.id = @message_id");
        Settle = new("Notifications.Settle",
            $"UPDATE {T("notification_outbox")} SET state = @state, attempts = @attempts, next_attempt_at = @next_attempt_at, " +
            "claimed_by = NULL, claimed_until = NULL WHERE id = @message_id");
        InsertDelivery = new("Notifications.InsertDelivery", Dialect.InsertReturningId(T("notification_deliveries"),
            "message_id, event_id, tenant_id, channel_id, user_id, kind, attempt, attempted_at, succeeded, outcome, will_retry",
            "@message_id, @event_id, @tenant_id, @channel_id, @user_id, @kind, @attempt, @attempted_at, @succeeded, @outcome, @will_retry"));
    }

    public SqlStatement TenantExists { get; }

    public SqlStatement UserExists { get; }

    public SqlStatement InsertChannel { get; }

    public SqlStatement ChannelNameTaken { get; }

    public SqlStatement GetChannel { get; }

    public SqlStatement ListChannels { get; }

    public SqlStatement ListChannelsForTopic { get; }

    public SqlStatement DeleteChannelMessages { get; }

    public SqlStatement DeleteChannel { get; }

    public SqlStatement GetSubscription { get; }

    public SqlStatement InsertSubscription { get; }

    public SqlStatement UpdateSubscription { get; }

    public SqlStatement DeleteSubscription { get; }

    public SqlStatement ListSubscriptions { get; }

    public SqlStatement ListSubscribers { get; }

    public SqlStatement EventKeyTaken { get; }

    public SqlStatement InsertEvent { get; }

    public SqlStatement InsertMessage { get; }

    public SqlStatement ConditionOpen { get; }

    public SqlStatement InsertCondition { get; }

    public SqlStatement DeleteCondition { get; }

    public SqlStatement ListConditions { get; }

    public SqlStatement ListTenantConditions { get; }

    public SqlStatement Claim { get; }

    public SqlStatement ListClaimed { get; }

    public SqlStatement GetMessage { get; }

    public SqlStatement Settle { get; }

    public SqlStatement InsertDelivery { get; }

    /// <summary>The ids of the due messages, oldest first; the limit is a validated number written as a literal.</summary>
    public SqlStatement ListDue(int rows) =>
        new("Notifications.ListDue", $"SELECT id FROM {T("notification_outbox")} WHERE {Claimable} ORDER BY next_attempt_at, id {Dialect.FirstRows(rows)}");

    /// <summary>A page of a tenant's delivery log, newest first.</summary>
    public SqlStatement ListDeliveries(int rows) =>
        new("Notifications.ListDeliveries", $"{Deliveries} WHERE tenant_id = @tenant_id AND id < @before_id ORDER BY id DESC {Dialect.FirstRows(rows)}");

    /// <summary>A page of one channel's delivery log, newest first.</summary>
    public SqlStatement ListChannelDeliveries(int rows) =>
        new("Notifications.ListChannelDeliveries",
            $"{Deliveries} WHERE tenant_id = @tenant_id AND channel_id = @channel_id AND id < @before_id ORDER BY id DESC {Dialect.FirstRows(rows)}");

    private string Deliveries => $"SELECT {NotificationDeliveryRows.Shape.Select()} FROM {T("notification_deliveries")}";
}
