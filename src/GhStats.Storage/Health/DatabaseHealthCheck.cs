using GhStats.Diagnostics;
using GhStats.Stores;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace GhStats.Storage.Health;

/// <summary><see cref="GhStatsHealthChecks.Database"/>: a connection opens. What went wrong is logged, never answered.</summary>
internal sealed partial class DatabaseHealthCheck(ISchemaMigrator migrator, ILogger<DatabaseHealthCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = await migrator.GetStatusAsync(cancellationToken).ConfigureAwait(false);
        if (status.Reachable)
        {
            return HealthCheckResult.Healthy("The database answers.");
        }

        LogUnreachable(logger, status.Message);
        return new HealthCheckResult(context.Registration.FailureStatus, "The database cannot be reached; the server's log says why.");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Health check: the GhStats database cannot be reached. {Reason}")]
    private static partial void LogUnreachable(ILogger logger, string? reason);
}
