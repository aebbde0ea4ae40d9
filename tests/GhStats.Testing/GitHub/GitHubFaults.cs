using System.Collections.Concurrent;

namespace GhStats.Testing.GitHub;

/// <summary>
/// Failures a test injects. An injected failure replaces the answer after authentication and rate limiting (so it
/// spends quota like any request GitHub accepted) and carries a GitHub-like JSON body and the rate-limit headers.
/// Checked in this order: <see cref="AlwaysFail"/>, <see cref="FailNext"/>, <see cref="FailRandomly"/>.
/// </summary>
public sealed class GitHubFaults
{
    private readonly Lock _writeGate = new();
    private readonly ConcurrentDictionary<string, int> _alwaysFail = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, TimeSpan> _extraLatency = new(StringComparer.OrdinalIgnoreCase);
    private volatile FailNextRule[] _failNext = [];
    private volatile RandomFault? _random;

    internal GitHubFaults()
    {
    }

    /// <summary>The next <paramref name="times"/> requests whose path contains <paramref name="pathContains"/> (ignoring case) answer <paramref name="statusCode"/>.</summary>
    public void FailNext(string pathContains, int statusCode, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(pathContains);
        ValidateStatus(statusCode);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        lock (_writeGate)
        {
            _failNext = [.. _failNext.Where(r => !r.IsSpent), new FailNextRule(pathContains, statusCode, times)];
        }
    }

    /// <summary>
    /// From now on every request fails with <paramref name="statusCode"/> with probability <paramref name="probability"/>,
    /// decided by <paramref name="seed"/> and the request's sequence number; replaces an earlier call. 0 stops it.
    /// </summary>
    public void FailRandomly(double probability, int statusCode, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(probability, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(probability, 1.0);
        ValidateStatus(statusCode);
        _random = probability == 0 ? null : new RandomFault(probability, statusCode, seed);
    }

    /// <summary>
    /// Every request for repository <paramref name="fullName"/> ("owner/name") answers <paramref name="statusCode"/> until
    /// <see cref="Clear"/>. In a GraphQL query only the repository's field fails: 404 as GitHub's <c>NOT_FOUND</c>, 403 as
    /// <c>FORBIDDEN</c>, anything else as an error without a type; the query's other repositories answer.
    /// </summary>
    public void AlwaysFail(string fullName, int statusCode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fullName);
        ValidateStatus(statusCode);
        _alwaysFail[fullName] = statusCode;
    }

    /// <summary>Requests for repository <paramref name="fullName"/> take <paramref name="extra"/> longer, on top of the simulator's latency.</summary>
    public void AddLatency(string fullName, TimeSpan extra)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fullName);
        ArgumentOutOfRangeException.ThrowIfLessThan(extra, TimeSpan.Zero);
        _extraLatency[fullName] = extra;
    }

    /// <summary>Removes every injected failure and extra latency.</summary>
    public void Clear()
    {
        lock (_writeGate)
        {
            _failNext = [];
        }

        _random = null;
        _alwaysFail.Clear();
        _extraLatency.Clear();
    }

    internal bool TryFail(string path, string? repository, out int statusCode)
    {
        if (repository is not null && !_alwaysFail.IsEmpty && _alwaysFail.TryGetValue(repository, out statusCode))
        {
            return true;
        }

        foreach (var rule in _failNext)
        {
            if (rule.TryTake(path))
            {
                statusCode = rule.StatusCode;
                return true;
            }
        }

        var random = _random;
        if (random is not null && random.Strikes())
        {
            statusCode = random.StatusCode;
            return true;
        }

        statusCode = 0;
        return false;
    }

    /// <summary>The status <see cref="AlwaysFail"/> set for a repository, if any.</summary>
    internal int? AlwaysFailing(string repository) =>
        !_alwaysFail.IsEmpty && _alwaysFail.TryGetValue(repository, out var statusCode) ? statusCode : null;

    internal TimeSpan ExtraLatency(string? repository) =>
        repository is not null && !_extraLatency.IsEmpty && _extraLatency.TryGetValue(repository, out var extra) ? extra : TimeSpan.Zero;

    private static void ValidateStatus(int statusCode)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400, nameof(statusCode));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599, nameof(statusCode));
    }
}
