using GhStats.Domain;
using GhStats.GitHub.Client;
using Microsoft.Extensions.Logging;

namespace GhStats.GitHub.Collection;

/// <summary>
/// The counters of a lane's repositories whose daily reads are due, read with one GraphQL query per batch of up to
/// <see cref="GitHubCollectorOptions.GraphQLBatchSize"/> repositories in the lane's order; any other repository is answered
/// null (read with REST, if at all). A batch is asked for when its
/// first repository starts, so a lane cut short by its rate limit asks for no batch it does not reach. When the connection
/// cannot answer GraphQL the session remembers it, and the lane's repositories read their counters with REST.
/// </summary>
internal sealed partial class CounterBatches
{
    private readonly IReadOnlyList<TrackedRepository> _ordered;
    private readonly int _batchSize;
    private readonly ILogger _logger;
    private readonly Dictionary<long, int> _batchOf = [];
    private readonly Task<IReadOnlyDictionary<long, CounterAnswer>?>?[] _batches;
    private readonly Lock _gate = new();

    public CounterBatches(IReadOnlyList<TrackedRepository> ordered, int batchSize, ILogger logger)
    {
        _ordered = ordered;
        _batchSize = batchSize;
        _logger = logger;
        _batches = new Task<IReadOnlyDictionary<long, CounterAnswer>?>?[batchSize > 0 ? (ordered.Count + batchSize - 1) / batchSize : 0];
        for (var i = 0; i < ordered.Count && batchSize > 0; i++)
        {
            _batchOf[ordered[i].Id] = i / batchSize;
        }
    }

    /// <summary>What GraphQL said of <paramref name="repository"/>; null when its counters are to be read with REST.</summary>
    public async Task<CounterAnswer?> ForAsync(TrackedRepository repository, GitHubSession session, CancellationToken cancellationToken)
    {
        if (session.GraphQL is null || session.GraphQLEndpoint is null || !_batchOf.TryGetValue(repository.Id, out var index))
        {
            return null;
        }

        Task<IReadOnlyDictionary<long, CounterAnswer>?> batch;
        lock (_gate)
        {
            if (_batches[index] is null && session.GraphQLOffBecause is not null)
            {
                return null;
            }

            batch = _batches[index] ??= ReadAsync(index, session, cancellationToken);
        }

        return (await batch.ConfigureAwait(false))?.GetValueOrDefault(repository.Id);
    }

    private async Task<IReadOnlyDictionary<long, CounterAnswer>?> ReadAsync(int index, GitHubSession session, CancellationToken cancellationToken)
    {
        var batch = _ordered.Skip(index * _batchSize).Take(_batchSize).ToList();
        try
        {
            var answers = await GitHubGraphQLCounters.ReadAsync(session.GraphQL!, session.GraphQLEndpoint!, [.. batch.Select(r => (r.Owner, r.Name))], cancellationToken)
                .ConfigureAwait(false);
            return batch.Zip(answers).ToDictionary(pair => pair.First.Id, pair => pair.Second);
        }
        catch (GitHubGraphQLUnavailableException unavailable)
        {
            if (unavailable.ForTheRun)
            {
                if (session.TurnGraphQLOff(unavailable.Message))
                {
                    LogGraphQLOff(_logger, session.ConnectionId, unavailable.Message);
                }
            }
            else
            {
                LogBatchWithRest(_logger, session.ConnectionId, batch.Count, unavailable.Message);
            }

            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "GitHub connection {ConnectionId} reads repository counters with REST for the rest of the run: {Reason}")]
    private static partial void LogGraphQLOff(ILogger logger, long connectionId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "GitHub connection {ConnectionId} reads the counters of {Count} repositories with REST this once: {Reason}")]
    private static partial void LogBatchWithRest(ILogger logger, long connectionId, int count, string reason);
}
