namespace GhStats.Testing.GitHub;

/// <summary>
/// One installation of a GitHub App. <c>POST /app/installations/{id}/access_tokens</c>, signed with the app's key,
/// issues installation tokens that act like PATs with the installation's push rights and their own rate limit.
/// </summary>
public sealed class SimulatedApp
{
    private readonly Lock _gate = new();
    private TimeSpan _tokenLifetime = TimeSpan.FromHours(1);
    private int _installationRateLimit = 5000;
    private int _tokensIssued;
    private string? _lastIssuedToken;

    internal SimulatedApp(RegisteredApp app, long installationId, PushAccess push)
    {
        App = app;
        InstallationId = installationId;
        Push = push;
    }

    /// <summary>The app id: the <c>iss</c> claim of the app's JWTs.</summary>
    public long AppId => App.AppId;

    /// <summary>The App's slug, as <c>GET /app</c> reports it.</summary>
    public string AppSlug => App.Slug;

    /// <summary>The installation id in <c>/app/installations/{id}/access_tokens</c>.</summary>
    public long InstallationId { get; }

    /// <summary>How long an issued token stays valid (wall-clock). Default 1 hour, as on GitHub.</summary>
    public TimeSpan TokenLifetime
    {
        get => _tokenLifetime;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero);
            _tokenLifetime = value;
        }
    }

    /// <summary>The primary rate limit of each token issued from now on. Default 5,000.</summary>
    public int InstallationRateLimit
    {
        get => _installationRateLimit;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _installationRateLimit = value;
        }
    }

    /// <summary>Hostile behaviours towards this installation: every token it issues is treated so.</summary>
    public GitHubHostility Hostility { get; } = new();

    /// <summary>How many installation tokens this installation has issued.</summary>
    public int TokensIssued => Volatile.Read(ref _tokensIssued);

    /// <summary>The most recently issued token, or null.</summary>
    public string? LastIssuedToken
    {
        get
        {
            lock (_gate)
            {
                return _lastIssuedToken;
            }
        }
    }

    internal RegisteredApp App { get; }

    internal PushAccess Push { get; }

    internal void Issued(string token)
    {
        lock (_gate)
        {
            _lastIssuedToken = token;
        }

        Interlocked.Increment(ref _tokensIssued);
    }
}
