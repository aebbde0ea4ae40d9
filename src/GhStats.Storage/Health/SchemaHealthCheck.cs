using GhStats.Diagnostics;
using GhStats.Stores;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace GhStats.Storage.Health;

/// <summary><see cref="GhStatsHealthChecks.Schema"/>: the schema is at the version this build needs.</summary>
internal sealed partial class SchemaHealthCheck(ISchemaMigrator migrator, ILogger<SchemaHealthCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = await migrator.GetStatusAsync(cancellationToken).ConfigureAwait(false);
        var data = new Dictionary<string, object>
        {
            ["appliedVersion"] = status.AppliedVersion,
            ["latestVersion"] = status.LatestVersion,
        };
        if (status.IsReady)
        {
            return HealthCheckResult.Healthy("The schema is current.", data);
        }

        LogNotCurrent(logger, status.AppliedVersion, status.LatestVersion, status.Message);
        var description = !status.Reachable
            ? "The schema cannot be read: the database cannot be reached."
            : status.AppliedVersion < status.LatestVersion
                ? "The schema is behind this build: run 'migrate', or apply the script."
                : "The schema is newer than this build.";
        return new HealthCheckResult(context.Registration.FailureStatus, description, data: data);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Health check: the GhStats schema is at version {Applied}, this build needs {Latest}. {Reason}")]
    private static partial void LogNotCurrent(ILogger logger, long applied, long latest, string? reason);
}
