using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace GhStats.Testing.GitHub;

/// <summary>
/// What the simulator has seen since it started or since <see cref="Reset"/>. Counted with Interlocked, so reading
/// is safe while requests are in flight. Counts by status include every answer with that status (rate limits too).
/// </summary>
public sealed class SimulatorStats
{
    private readonly long[] _byEndpoint = new long[Enum.GetValues<SimulatedEndpoint>().Length];
    private readonly long[] _notModifiedByEndpoint = new long[Enum.GetValues<SimulatedEndpoint>().Length];
    private readonly ConcurrentDictionary<string, IdentityCounters> _byIdentity = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StrongBox<long>> _authorizationSchemes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StrongBox<long>>.AlternateLookup<ReadOnlySpan<char>> _schemeLookup;
    private long _total;
    private int _inFlight;
    private int _maxInFlight;
    private long _secondaryLimitHits;
    private long _primaryLimitHits;
    private long _injectedFaults;
    private long _injectedServerErrors;
    private long _unauthorized;
    private long _forbidden;
    private long _notFound;
    private long _installationTokensIssued;
    private long _charged;
    private long _notModified;
    private long _graphQLPoints;
    private long _graphQLRateLimited;
    private long _latencyTicks;
    private long _latencyMinTicks = long.MaxValue;
    private long _latencyMaxTicks;

    internal SimulatorStats() => _schemeLookup = _authorizationSchemes.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Every request that reached the simulator.</summary>
    public long TotalRequests => Interlocked.Read(ref _total);

    /// <summary>Requests in flight right now (including the ones waiting out their latency).</summary>
    public int CurrentConcurrent => Volatile.Read(ref _inFlight);

    /// <summary>The most requests that were in flight at once.</summary>
    public int MaxConcurrent => Volatile.Read(ref _maxInFlight);

    /// <summary>403 answers for the secondary limit (per-minute or concurrency). A well-paced collector causes none.</summary>
    public long SecondaryLimitHits => Interlocked.Read(ref _secondaryLimitHits);

    /// <summary>403 answers because a token's primary (hourly) quota was used up.</summary>
    public long PrimaryLimitHits => Interlocked.Read(ref _primaryLimitHits);

    /// <summary>Answers replaced by an injected fault (<see cref="GitHubFaults"/>), any status.</summary>
    public long InjectedFaults => Interlocked.Read(ref _injectedFaults);

    /// <summary>Injected faults with a 5xx status.</summary>
    public long InjectedServerErrors => Interlocked.Read(ref _injectedServerErrors);

    /// <summary>401 answers.</summary>
    public long Unauthorized => Interlocked.Read(ref _unauthorized);

    /// <summary>403 answers of any kind (no push access, primary and secondary limits, injected 403s).</summary>
    public long Forbidden => Interlocked.Read(ref _forbidden);

    /// <summary>404 answers.</summary>
    public long NotFound => Interlocked.Read(ref _notFound);

    /// <summary>Installation access tokens issued to GitHub Apps.</summary>
    public long InstallationTokensIssued => Interlocked.Read(ref _installationTokensIssued);

    /// <summary>
    /// Requests counted against a token's primary (hourly) quota: every authenticated request the rate limiter admitted,
    /// except the free <c>/rate_limit</c> and 304 answers to conditional requests, which GitHub does not charge.
    /// </summary>
    public long ChargedRequests => Interlocked.Read(ref _charged);

    /// <summary>304 Not Modified answers to conditional requests (<c>If-None-Match</c>); none of them is charged.</summary>
    public long NotModified => Interlocked.Read(ref _notModified);

    /// <summary>GraphQL calls (<c>POST /graphql</c> or <c>/api/graphql</c>), answered or not; <see cref="RestRequests"/> counts the others.</summary>
    public long GraphQLRequests => Requests(SimulatedEndpoint.GraphQL);

    /// <summary>Every request but the GraphQL calls.</summary>
    public long RestRequests => TotalRequests - GraphQLRequests;

    /// <summary>GraphQL points charged against the tokens' GraphQL limits (not part of <see cref="ChargedRequests"/>).</summary>
    public long GraphQLPointsCharged => Interlocked.Read(ref _graphQLPoints);

    /// <summary>GraphQL calls refused because the token's GraphQL points were spent (<c>RATE_LIMITED</c>).</summary>
    public long GraphQLRateLimited => Interlocked.Read(ref _graphQLRateLimited);

    /// <summary>The latency added to all requests together (<see cref="GitHubSimulatorOptions.Latency"/>, drawn or fixed; extra latency apart).</summary>
    public TimeSpan TotalLatency => TimeSpan.FromTicks(Interlocked.Read(ref _latencyTicks));

    /// <summary>The shortest latency added to a request; zero before any.</summary>
    public TimeSpan MinLatency => Interlocked.Read(ref _latencyMinTicks) is var min && min == long.MaxValue ? TimeSpan.Zero : TimeSpan.FromTicks(min);

    /// <summary>The longest latency added to a request.</summary>
    public TimeSpan MaxLatency => TimeSpan.FromTicks(Interlocked.Read(ref _latencyMaxTicks));

    /// <summary>304 Not Modified answers of one kind of request.</summary>
    public long NotModifiedOf(SimulatedEndpoint endpoint) => Interlocked.Read(ref _notModifiedByEndpoint[(int)endpoint]);

    /// <summary>Requests per identity: the token, or "app:{appId}" for requests signed with a GitHub App's JWT.</summary>
    public IReadOnlyDictionary<string, long> RequestsByToken =>
        _byIdentity.Where(p => p.Value.Requests > 0).ToDictionary(p => p.Key, p => p.Value.Requests, StringComparer.Ordinal);

    /// <summary>
    /// How often each <c>Authorization</c> scheme was sent, spelled exactly as the client sent it ("Token", "Bearer"...);
    /// "(none)" counts requests without the header.
    /// </summary>
    public IReadOnlyDictionary<string, long> AuthorizationSchemes =>
        _authorizationSchemes.Where(p => Interlocked.Read(ref p.Value.Value) > 0)
            .ToDictionary(p => p.Key, p => Interlocked.Read(ref p.Value.Value), StringComparer.Ordinal);

    /// <summary>Requests of one kind.</summary>
    public long Requests(SimulatedEndpoint endpoint) => Interlocked.Read(ref _byEndpoint[(int)endpoint]);

    /// <summary>Requests made with <paramref name="token"/> (0 for a token never seen).</summary>
    public long RequestsFor(string token) => _byIdentity.TryGetValue(token, out var c) ? c.Requests : 0;

    /// <summary>Requests of <paramref name="token"/> in flight right now.</summary>
    public int CurrentConcurrentFor(string token) => _byIdentity.TryGetValue(token, out var c) ? c.InFlight : 0;

    /// <summary>The most requests of <paramref name="token"/> that were in flight at once.</summary>
    public int MaxConcurrentFor(string token) => _byIdentity.TryGetValue(token, out var c) ? c.MaxInFlight : 0;

    /// <summary>Sets every count to zero; maxima restart from what is in flight now. Rate-limit windows are not touched.</summary>
    public void Reset()
    {
        Interlocked.Exchange(ref _total, 0);
        for (var i = 0; i < _byEndpoint.Length; i++)
        {
            Interlocked.Exchange(ref _byEndpoint[i], 0);
            Interlocked.Exchange(ref _notModifiedByEndpoint[i], 0);
        }

        Interlocked.Exchange(ref _charged, 0);
        Interlocked.Exchange(ref _notModified, 0);
        Interlocked.Exchange(ref _graphQLPoints, 0);
        Interlocked.Exchange(ref _graphQLRateLimited, 0);
        Interlocked.Exchange(ref _latencyTicks, 0);
        Interlocked.Exchange(ref _latencyMinTicks, long.MaxValue);
        Interlocked.Exchange(ref _latencyMaxTicks, 0);

        foreach (var counters in _byIdentity.Values)
        {
            counters.Reset();
        }

        foreach (var count in _authorizationSchemes.Values)
        {
            Interlocked.Exchange(ref count.Value, 0);
        }

        Interlocked.Exchange(ref _maxInFlight, Volatile.Read(ref _inFlight));
        Interlocked.Exchange(ref _secondaryLimitHits, 0);
        Interlocked.Exchange(ref _primaryLimitHits, 0);
        Interlocked.Exchange(ref _injectedFaults, 0);
        Interlocked.Exchange(ref _injectedServerErrors, 0);
        Interlocked.Exchange(ref _unauthorized, 0);
        Interlocked.Exchange(ref _forbidden, 0);
        Interlocked.Exchange(ref _notFound, 0);
        Interlocked.Exchange(ref _installationTokensIssued, 0);
    }

    internal IdentityCounters CountersFor(string key) => _byIdentity.GetOrAdd(key, static _ => new IdentityCounters());

    internal void Enter()
    {
        Interlocked.Increment(ref _total);
        IdentityCounters.RaiseMax(ref _maxInFlight, Interlocked.Increment(ref _inFlight));
    }

    internal void Exit() => Interlocked.Decrement(ref _inFlight);

    internal void CountEndpoint(SimulatedEndpoint endpoint) => Interlocked.Increment(ref _byEndpoint[(int)endpoint]);

    internal void CountScheme(ReadOnlySpan<char> scheme)
    {
        // Clients send one or two spellings, so after the first request this is a lookup without allocation.
        if (!_schemeLookup.TryGetValue(scheme, out var count))
        {
            count = _authorizationSchemes.GetOrAdd(scheme.ToString(), static _ => new StrongBox<long>());
        }

        Interlocked.Increment(ref count.Value);
    }

    internal void CountStatus(int status)
    {
        switch (status)
        {
            case 401:
                Interlocked.Increment(ref _unauthorized);
                break;
            case 403:
                Interlocked.Increment(ref _forbidden);
                break;
            case 404:
                Interlocked.Increment(ref _notFound);
                break;
        }
    }

    internal void CountLatency(TimeSpan latency)
    {
        var ticks = latency.Ticks;
        Interlocked.Add(ref _latencyTicks, ticks);
        var min = Interlocked.Read(ref _latencyMinTicks);
        while (ticks < min)
        {
            var previous = Interlocked.CompareExchange(ref _latencyMinTicks, ticks, min);
            if (previous == min)
            {
                break;
            }

            min = previous;
        }

        var max = Interlocked.Read(ref _latencyMaxTicks);
        while (ticks > max)
        {
            var previous = Interlocked.CompareExchange(ref _latencyMaxTicks, ticks, max);
            if (previous == max)
            {
                break;
            }

            max = previous;
        }
    }

    internal void CountCharged() => Interlocked.Increment(ref _charged);

    internal void CountGraphQLPoints(int points) => Interlocked.Add(ref _graphQLPoints, points);

    internal void CountGraphQLRateLimited() => Interlocked.Increment(ref _graphQLRateLimited);

    internal void CountNotModified(SimulatedEndpoint endpoint)
    {
        Interlocked.Increment(ref _notModified);
        Interlocked.Increment(ref _notModifiedByEndpoint[(int)endpoint]);
    }

    internal void CountPrimaryLimitHit() => Interlocked.Increment(ref _primaryLimitHits);

    internal void CountSecondaryLimitHit() => Interlocked.Increment(ref _secondaryLimitHits);

    internal void CountInjectedFault(int status)
    {
        Interlocked.Increment(ref _injectedFaults);
        if (status >= 500)
        {
            Interlocked.Increment(ref _injectedServerErrors);
        }
    }

    internal void CountInstallationToken() => Interlocked.Increment(ref _installationTokensIssued);
}
