using GhStats.Testing;
using GhStats.Domain;
using GhStats.Stores;
using GhStats.Testing.GitHub;
using GhStats.Web.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GhStats.Web.Tests.RoleMatrix;

/// <summary>Who calls in the role matrix.</summary>
public enum MatrixCaller
{
    Anonymous,
    Admin,
    Maintainer,
    OwnerOfA,
    ViewerOfA,

    /// <summary>Holds a grant to one repository of tenant A and no membership.</summary>
    GrantHolderInA,
    OwnerOfB,
}

/// <summary>Whose resource a request names: tenant A's (for the grant holder, the granted repository) or tenant B's.</summary>
public enum MatrixScope
{
    TenantA,
    TenantB,
}

/// <summary>
/// Two tenants with repositories, traffic, referrers, paths, connections and members, one finished run, and a user with
/// a personal API token per <see cref="MatrixCaller"/>. Every string a tenant holds carries a marker of who may see it
/// (<see cref="TenantMarkers"/>), so a response can be searched for data it must not hold. Requests that would destroy a
/// shared resource (deleting a tenant, a repository, a connection, a member, a token) act on a scratch copy that stands
/// in the same relation to the caller.
/// </summary>
public class MatrixWorld : IAsyncLifetime
{
    private readonly Dictionary<MatrixCaller, SeededUser> _users = [];
    private readonly Dictionary<MatrixCaller, WebCaller> _callers = [];
    private WebApp? _app;
    private GitHubSimulator? _simulator;
    private int _sequence;

    public WebApp App => _app ?? throw new InvalidOperationException("Not started.");

    public GitHubSimulator Simulator => _simulator ?? throw new InvalidOperationException("Not started.");

    public Tenant A { get; private set; } = null!;

    public Tenant B { get; private set; } = null!;

    /// <summary>Tenant A's repository that the grant holder may read.</summary>
    public TrackedRepository GrantedRepository { get; private set; } = null!;

    /// <summary>Tenant A's other repository, which the grant holder may not read.</summary>
    public TrackedRepository HiddenRepository { get; private set; } = null!;

    public TrackedRepository RepositoryOfB { get; private set; } = null!;

    public GitHubConnection ConnectionOfA { get; private set; } = null!;

    public GitHubConnection ConnectionOfB { get; private set; } = null!;

    /// <summary>A notification channel of A and of B, each with a line in its delivery log.</summary>
    public NotificationChannel ChannelOfA { get; private set; } = null!;

    public NotificationChannel ChannelOfB { get; private set; } = null!;

    /// <summary>A finished run with no errors.</summary>
    public long RunId { get; private set; }

    /// <summary>An import job of tenant A and of B, and a restore of no tenant (an installation archive's).</summary>
    public TransferJob TransferOfA { get; private set; } = null!;

    public TransferJob TransferOfB { get; private set; } = null!;

    public TransferJob InstallationTransfer { get; private set; } = null!;

    /// <summary>Tenant A's and B's own archives, and the installation's, as exports wrote them.</summary>
    public byte[] ArchiveOfA { get; private set; } = [];

    public byte[] ArchiveOfB { get; private set; } = [];

    public byte[] InstallationArchive { get; private set; } = [];

    /// <summary>A user with no roles at all, whose token nobody else may revoke.</summary>
    public SeededUser Bystander { get; private set; } = null!;

    /// <summary>Configuration of the world's app.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    /// <summary>The host environment of the world's app; "Development" allows signing in with a session.</summary>
    protected virtual string Environment => "Production";

    public Tenant TenantIn(MatrixScope scope) => scope == MatrixScope.TenantA ? A : B;

    public TrackedRepository RepositoryIn(MatrixScope scope) => scope == MatrixScope.TenantA ? GrantedRepository : RepositoryOfB;

    public GitHubConnection ConnectionIn(MatrixScope scope) => scope == MatrixScope.TenantA ? ConnectionOfA : ConnectionOfB;

    public NotificationChannel ChannelIn(MatrixScope scope) => scope == MatrixScope.TenantA ? ChannelOfA : ChannelOfB;

    public TransferJob TransferIn(MatrixScope scope) => scope == MatrixScope.TenantA ? TransferOfA : TransferOfB;

    public byte[] ArchiveIn(MatrixScope scope) => scope == MatrixScope.TenantA ? ArchiveOfA : ArchiveOfB;

    /// <summary>A new webhook channel of tenant A or B, named with the tenant's marker.</summary>
    public Task<NotificationChannel> ScratchChannelAsync(MatrixScope scope)
    {
        var tenant = TenantIn(scope);
        var name = $"{(scope == MatrixScope.TenantA ? TenantMarkers.AChannel : TenantMarkers.BChannel)}-s{Next()}";
        var secret = App.Get<ISecretProtector>().Protect(new NotificationChannelSecret("https://hooks.matrix.example/scratch", "whsec_matrix").ToJson());
        return App.Get<INotificationStore>().AddChannelAsync(new NewNotificationChannel(tenant.Id, name, NotificationChannelKind.Webhook, NotificationTopics.All, null, secret, "matrix seed"));
    }

    public SeededUser? UserOf(MatrixCaller caller) => _users.GetValueOrDefault(caller);

    public WebCaller CallerFor(MatrixCaller caller) => _callers[caller];

    public int Next() => Interlocked.Increment(ref _sequence);

    public virtual async Task InitializeAsync()
    {
        _simulator = await GitHubSimulator.StartAsync();
        _app = await WebApp.StartAsync(new WebAppOptions { Settings = Settings, Environment = Environment, ConfigureGhStats = ghStats => ghStats.AddTransfer() });
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        A = await App.CreateTenantAsync(TenantMarkers.ASlug, TenantMarkers.AName);
        B = await App.CreateTenantAsync(TenantMarkers.BSlug, TenantMarkers.BName);
        var connectionA = ConnectionOfA = await App.AddConnectionAsync(A, TenantMarkers.AConnection, Simulator.BaseAddress, "ghp_matrixUnknownToken1");
        var connectionB = ConnectionOfB = await App.AddConnectionAsync(B, TenantMarkers.BConnection, Simulator.BaseAddress, "ghp_matrixUnknownToken2");
        var owners = App.Get<ITrackedOwnerStore>();
        await owners.AddAsync(new NewTrackedOwner(A.Id, TenantMarkers.ATrackedOwner, connectionA.Id, Include: TenantMarkers.ATrackedOwnerPattern));
        await owners.AddAsync(new NewTrackedOwner(B.Id, TenantMarkers.BTrackedOwner, connectionB.Id, Include: TenantMarkers.BTrackedOwnerPattern));
        GrantedRepository = await App.TrackAsync(A, TenantMarkers.AGrantedOwner, TenantMarkers.AGrantedRepository, connectionA.Id);
        HiddenRepository = await App.TrackAsync(A, TenantMarkers.AHiddenOwner, TenantMarkers.AHiddenRepository, connectionA.Id);
        RepositoryOfB = await App.TrackAsync(B, TenantMarkers.BOwner, TenantMarkers.BRepository, connectionB.Id);
        await SeedTrafficAsync(GrantedRepository, today, TenantMarkers.AGrantedReferrer, TenantMarkers.AGrantedPath, TenantMarkers.AGrantedTitle);
        await SeedTrafficAsync(HiddenRepository, today, TenantMarkers.AHiddenReferrer, TenantMarkers.AHiddenPath, TenantMarkers.AHiddenTitle);
        await SeedTrafficAsync(RepositoryOfB, today, TenantMarkers.BReferrer, TenantMarkers.BPath, TenantMarkers.BTitle);

        _users[MatrixCaller.Admin] = await App.CreateUserAsync("admin@matrix.example", SystemRole.Admin);
        _users[MatrixCaller.Maintainer] = await App.CreateUserAsync("maintainer@matrix.example", SystemRole.Maintainer);
        _users[MatrixCaller.OwnerOfA] = await App.CreateUserAsync("owner-a@matrix.example");
        _users[MatrixCaller.ViewerOfA] = await App.CreateUserAsync("viewer-a@matrix.example");
        _users[MatrixCaller.GrantHolderInA] = await App.CreateUserAsync("grant-a@matrix.example");
        _users[MatrixCaller.OwnerOfB] = await App.CreateUserAsync("owner-b@matrix.example");
        Bystander = await App.CreateUserAsync("bystander@matrix.example");
        await App.AddMemberAsync(A, _users[MatrixCaller.OwnerOfA], TenantRole.Owner);
        await App.AddMemberAsync(A, _users[MatrixCaller.ViewerOfA], TenantRole.Viewer);
        await App.GrantAsync(_users[MatrixCaller.GrantHolderInA], GrantedRepository);
        await App.AddMemberAsync(B, _users[MatrixCaller.OwnerOfB], TenantRole.Owner);

        ChannelOfA = await SeedChannelAsync(A, TenantMarkers.AChannel);
        ChannelOfB = await SeedChannelAsync(B, TenantMarkers.BChannel);

        var jobs = App.Get<ITransferJobStore>();
        var seeder = new AuditActor(AuditActorKind.System, null, "matrix seed");
        TransferOfA = await jobs.CreateAsync(new NewTransferJob(A.Id, TransferJobKind.Import, "ibm-csv", $"{TenantMarkers.ASlug}-repostats.csv", 10, true, seeder));
        TransferOfB = await jobs.CreateAsync(new NewTransferJob(B.Id, TransferJobKind.Import, "ibm-csv", $"{TenantMarkers.BSlug}-repostats.csv", 10, true, seeder));
        InstallationTransfer = await jobs.CreateAsync(new NewTransferJob(null, TransferJobKind.Restore, "archive", "installation.zip", 10, true, seeder));
        ArchiveOfA = await ExportAsync(A.Slug);
        ArchiveOfB = await ExportAsync(B.Slug);
        InstallationArchive = await ExportAsync(null);

        var runs = App.Get<ICollectionRunStore>();
        var run = await runs.StartAsync(CollectionTrigger.Manual, "matrix seed");
        await runs.FinishAsync(run.Id, CollectionRunStatus.Succeeded, new CollectionProgress(0, 0, 0, 0, null));
        RunId = run.Id;

        _callers[MatrixCaller.Anonymous] = App.Anonymous();
        foreach (var (caller, user) in _users)
        {
            _callers[caller] = App.As(user);
        }
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }
    }

    /// <summary>A new tenant in which the caller stands as it stands in tenant A or B (owner, viewer, holder of a grant, or nothing).</summary>
    public async Task<Tenant> MirrorTenantAsync(MatrixCaller caller, MatrixScope scope)
    {
        var n = Next();
        var a = scope == MatrixScope.TenantA;
        var tenant = await App.CreateTenantAsync($"{(a ? TenantMarkers.ASlug : TenantMarkers.BSlug)}-x{n}", $"{(a ? TenantMarkers.AName : TenantMarkers.BName)} x{n}");
        switch (caller, scope)
        {
            case (MatrixCaller.OwnerOfA, MatrixScope.TenantA) or (MatrixCaller.OwnerOfB, MatrixScope.TenantB):
                await App.AddMemberAsync(tenant, _users[caller], TenantRole.Owner);
                break;
            case (MatrixCaller.ViewerOfA, MatrixScope.TenantA):
                await App.AddMemberAsync(tenant, _users[caller], TenantRole.Viewer);
                break;
            case (MatrixCaller.GrantHolderInA, MatrixScope.TenantA):
                await App.GrantAsync(_users[caller], await App.TrackAsync(tenant, TenantMarkers.AGrantedOwner, $"mirror-{n}"));
                break;
        }

        return tenant;
    }

    /// <summary>A new repository of tenant A or B; in A, granted to the grant holder when it is the caller, like the granted repository.</summary>
    public async Task<TrackedRepository> ScratchRepositoryAsync(MatrixCaller caller, MatrixScope scope)
    {
        var n = Next();
        if (scope == MatrixScope.TenantB)
        {
            return await App.TrackAsync(B, TenantMarkers.BOwner, $"scratch-{n}");
        }

        if (caller != MatrixCaller.GrantHolderInA)
        {
            return await App.TrackAsync(A, TenantMarkers.AHiddenOwner, $"scratch-{n}");
        }

        var repository = await App.TrackAsync(A, TenantMarkers.AGrantedOwner, $"scratch-{n}");
        await App.GrantAsync(_users[caller], repository);
        return repository;
    }

    private async Task<byte[]> ExportAsync(string? slug)
    {
        using var archive = new MemoryStream();
        await App.Get<ITransferService>().ExportAsync(slug, archive);
        return archive.ToArray();
    }

    /// <summary>An email channel (its recipients carry the marker) with one delivered test in its log.</summary>
    private async Task<NotificationChannel> SeedChannelAsync(Tenant tenant, string marker)
    {
        var notifications = App.Get<INotificationStore>();
        var channel = await notifications.AddChannelAsync(new NewNotificationChannel(
            tenant.Id, marker, NotificationChannelKind.Email, NotificationTopics.All, $"{marker}@matrix.example", null, "matrix seed"));
        var now = DateTimeOffset.UtcNow;
        await notifications.RaiseAsync(new NotificationEvent(Guid.NewGuid(), tenant.Id, NotificationEventKinds.Test, NotificationTopics.Digest,
            $"test:{channel.Id}:{Guid.NewGuid()}", "{}", now, ChannelId: channel.Id));
        foreach (var message in await notifications.ClaimDueAsync($"matrix-{marker}", 10, now.AddMinutes(5)))
        {
            await notifications.RecordAttemptAsync(message.Id, new NotificationAttempt(true, $"{marker} accepted", null));
        }

        return channel;
    }

    private async Task SeedTrafficAsync(TrackedRepository repository, DateOnly today, string referrer, string path, string title)
    {
        var traffic = App.Get<ITrafficStore>();
        await traffic.MergeTrafficDaysAsync([
            new TrafficDay(repository.Id, today.AddDays(-3), 30, 10, 5, 2),
            new TrafficDay(repository.Id, today.AddDays(-2), 40, 12, 6, 3),
        ]);
        await traffic.MergeReferrerSnapshotsAsync([new ReferrerSnapshot(repository.Id, today.AddDays(-1), referrer, 20, 8)]);
        await traffic.MergePathSnapshotsAsync([new PathSnapshot(repository.Id, today.AddDays(-1), path, title, 25, 9)]);
        await traffic.MergeRepositoryStatsAsync([new RepositoryDailyStats(repository.Id, today.AddDays(-1), 100, 10, 5, 3, 2048)]);
    }
}

/// <summary>The same world with roles and tokens remembered for minutes, as GhStats remembers them (for seconds) by default.</summary>
public sealed class CachedMatrixWorld : MatrixWorld
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } =
        new Dictionary<string, string?> { ["GhStats:Api:AccessCacheLifetime"] = "00:05:00" };
}
