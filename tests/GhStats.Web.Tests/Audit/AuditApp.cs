using Microsoft.Extensions.DependencyInjection;
using GhStats.Domain;
using GhStats.Testing;
using GhStats.Web.Tests.Harness;
using Xunit;

namespace GhStats.Web.Tests.Audit;

/// <summary>
/// An app for the audit log: two tenants with an owner each, a viewer of A, a maintainer and an admin. Collections are
/// queued for a worker (none runs here), so asking for one changes nothing but the log. Notifications are added, with
/// private addresses allowed, so "send a test" reaches <see cref="Receiver"/> on loopback.
/// </summary>
public sealed class AuditApp : IAsyncLifetime
{
    public const string CronSecret = "audit-cron-secret-0123456789-abcdefghijkl";

    private WebApp? _app;
    private GhStats.Notifications.Tests.LoopbackReceiver? _receiver;
    private int _next;

    /// <summary>The webhook endpoint tested channels post to.</summary>
    internal GhStats.Notifications.Tests.LoopbackReceiver Receiver => _receiver ?? throw new InvalidOperationException("Not started.");

    public WebApp App => _app ?? throw new InvalidOperationException("Not started.");

    public Tenant A { get; private set; } = null!;

    public Tenant B { get; private set; } = null!;

    public SeededUser Admin { get; private set; } = null!;

    public SeededUser Maintainer { get; private set; } = null!;

    public SeededUser OwnerOfA { get; private set; } = null!;

    public SeededUser ViewerOfA { get; private set; } = null!;

    public SeededUser OwnerOfB { get; private set; } = null!;

    /// <summary>A number no other call got, for unique names.</summary>
    public int Next() => Interlocked.Increment(ref _next);

    public async Task InitializeAsync()
    {
        _receiver = await GhStats.Notifications.Tests.LoopbackReceiver.StartAsync();
        _app = await WebApp.StartAsync(new WebAppOptions
        {
            Environment = "Development",
            AddCollector = false,
            Settings = new Dictionary<string, string?>
            {
                ["GhStats:Cron:Secret"] = CronSecret,
                ["GhStats:Cron:QueueForWorker"] = "true",
                ["GhStats:Notifications:AllowPrivateAddresses"] = "true",
            },
            ConfigureGhStats = ghStats => ghStats.AddNotifications(),
        });
        A = await App.CreateTenantAsync("audit-a", "Audit A");
        B = await App.CreateTenantAsync("audit-b", "Audit B");
        Admin = await App.CreateUserAsync("admin@audit.example", SystemRole.Admin);
        Maintainer = await App.CreateUserAsync("maintainer@audit.example", SystemRole.Maintainer);
        OwnerOfA = await App.CreateUserAsync("owner-a@audit.example");
        ViewerOfA = await App.CreateUserAsync("viewer-a@audit.example");
        OwnerOfB = await App.CreateUserAsync("owner-b@audit.example");
        await App.AddMemberAsync(A, OwnerOfA, TenantRole.Owner);
        await App.AddMemberAsync(A, ViewerOfA, TenantRole.Viewer);
        await App.AddMemberAsync(B, OwnerOfB, TenantRole.Owner);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_receiver is not null)
        {
            await _receiver.DisposeAsync();
        }
    }
}
