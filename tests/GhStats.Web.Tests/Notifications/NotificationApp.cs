using GhStats.Domain;
using GhStats.Stores;
using GhStats.Testing;
using GhStats.Web.Tests.Harness;
using Xunit;

namespace GhStats.Web.Tests.Notifications;

/// <summary>
/// An app for the notification endpoints (Development, so people can also sign in with a session): tenants A and B with
/// an owner each, a viewer of A, a holder of a grant to one repository of A, an admin. Private addresses are refused,
/// as in production.
/// </summary>
public sealed class NotificationApp : IAsyncLifetime
{
    private WebApp? _app;
    private int _next;

    public WebApp App => _app ?? throw new InvalidOperationException("Not started.");

    public Tenant A { get; private set; } = null!;

    public Tenant B { get; private set; } = null!;

    public SeededUser Admin { get; private set; } = null!;

    public SeededUser OwnerOfA { get; private set; } = null!;

    public SeededUser ViewerOfA { get; private set; } = null!;

    public SeededUser GrantHolderInA { get; private set; } = null!;

    public SeededUser OwnerOfB { get; private set; } = null!;

    public INotificationStore Store => App.Get<INotificationStore>();

    public int Next() => Interlocked.Increment(ref _next);

    public async Task InitializeAsync()
    {
        _app = await WebApp.StartAsync(new WebAppOptions { Environment = "Development", AddCollector = false });
        A = await App.CreateTenantAsync("notify-a", "Notify A");
        B = await App.CreateTenantAsync("notify-b", "Notify B");
        Admin = await App.CreateUserAsync("admin@notify.example", SystemRole.Admin);
        OwnerOfA = await App.CreateUserAsync("owner-a@notify.example");
        ViewerOfA = await App.CreateUserAsync("viewer-a@notify.example");
        GrantHolderInA = await App.CreateUserAsync("grant-a@notify.example");
        OwnerOfB = await App.CreateUserAsync("owner-b@notify.example");
        await App.AddMemberAsync(A, OwnerOfA, TenantRole.Owner);
        await App.AddMemberAsync(A, ViewerOfA, TenantRole.Viewer);
        await App.GrantAsync(GrantHolderInA, await App.TrackAsync(A, "notify-org", "granted"));
        await App.AddMemberAsync(B, OwnerOfB, TenantRole.Owner);
    }

    /// <summary>
    /// Writes delivery log lines for a channel through the real store, as the dispatcher would: one event for the channel,
    /// claimed, and one attempt recorded per outcome (the first failing, the rest retrying, so one message gets them all).
    /// </summary>
    public async Task<IReadOnlyList<NotificationDelivery>> DeliverAsync(Tenant tenant, long channelId, params string[] outcomes)
    {
        var store = Store;
        var clock = DateTimeOffset.UtcNow;
        await store.RaiseAsync(new NotificationEvent(Guid.NewGuid(), tenant.Id, NotificationEventKinds.Test, NotificationTopics.Digest,
            $"test:{channelId}:{Guid.NewGuid()}", "{}", clock, ChannelId: channelId));
        var lines = new List<NotificationDelivery>();
        for (var i = 0; i < outcomes.Length; i++)
        {
            var claimed = await store.ClaimDueAsync($"tests-{Next()}", 100, clock.AddMinutes(5));
            var message = claimed.Single(m => m.ChannelId == channelId);
            var last = i == outcomes.Length - 1;
            lines.Add(await store.RecordAttemptAsync(message.Id, new NotificationAttempt(last, outcomes[i], last ? null : clock.AddDays(-1))));
        }

        return lines;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
