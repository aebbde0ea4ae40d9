using GhStats.Domain;
using GhStats.Stores;

namespace GhStats.Host;

/// <summary>
/// The host without the web module: <c>worker</c> runs migrations, collection (its schedule, and the runs that web
/// replicas with <c>GhStats:Cron:QueueForWorker</c> queue) and notification delivery until stopped; <c>collect</c> runs one collection, prints its
/// progress and exits by the run's outcome, for Code Engine jobs, Kubernetes CronJobs and GitHub Actions.
/// </summary>
internal static partial class WorkerHost
{
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(1);

    public static bool IsWorkerCommand(string[] args) => args is ["worker" or "collect", ..];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        string? tenant = null;
        var rest = args[1..];
        if (args[0] == "collect")
        {
            switch (rest)
            {
                case ["--tenant", var slug, .. var more]:
                    tenant = slug;
                    rest = more;
                    break;
                case ["--tenant"]:
                    await error.WriteLineAsync("collect --tenant needs a tenant's slug.");
                    return HostCommands.Usage;
            }
        }

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(rest);
        if (args[0] == "collect")
        {
            // One run and out: no schedule, and queued runs are left to the workers.
            builder.Configuration["GhStats:Collector:Schedule"] = null;
            builder.Configuration["GhStats:Collector:QueuePollInterval"] = "00:00:00";
        }

        var ghStats = builder.Configuration.GetSection("GhStats");
        builder.Services.AddGhStats(ghStats)
            .UseConfiguredStorage(ghStats)
            .AddGitHubCollector()
            .AddNotifications();

        using var host = builder.Build();
        try
        {
            // Starting runs the migrations (unless GhStats:Storage:MigrateOnStartup is false) and the collector.
            await host.StartAsync();
        }
#pragma warning disable CA1031 // A command reports any failure as a message and an exit code.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            await error.WriteLineAsync($"The worker could not start: {exception.Message}");
            return HostCommands.Failed;
        }

        if (args[0] == "worker")
        {
            var collector = ghStats.GetSection("Collector");
            var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("GhStats.Host.Worker");
            var schedule = collector["Schedule"] ?? "none";
            var poll = collector["QueuePollInterval"] ?? "00:00:10";
            LogWorkerStarted(logger, schedule, poll);
            await host.WaitForShutdownAsync();
            return HostCommands.Ok;
        }

        var exitCode = await CollectOnceAsync(host, tenant, output, error);
        await host.StopAsync();
        return exitCode;
    }

    private static async Task<int> CollectOnceAsync(IHost host, string? tenantSlug, TextWriter output, TextWriter error)
    {
        var services = host.Services;
        var stopping = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        var collection = services.GetRequiredService<ICollectionService>();
        var clock = services.GetRequiredService<TimeProvider>();
        CollectionRun run;
        try
        {
            long? tenantId = null;
            if (tenantSlug is not null)
            {
                var tenant = await services.GetRequiredService<ITenantStore>().FindBySlugAsync(tenantSlug, stopping);
                if (tenant is null)
                {
                    await error.WriteLineAsync($"No tenant '{tenantSlug}'.");
                    return HostCommands.Usage;
                }

                tenantId = tenant.Id;
            }

            run = await collection.StartAsync(new CollectionRequest(CollectionTrigger.Cron, "collect command", tenantId), stopping);
            await output.WriteLineAsync(run.RequestedBy == "collect command"
                ? $"Run {run.Id} started."
                : $"Run {run.Id} ({run.RequestedBy}) is already going; following it.");

            var shown = string.Empty;
            while (run.Status is CollectionRunStatus.Running or CollectionRunStatus.Queued)
            {
                var line = Progress(run);
                if (line != shown)
                {
                    await output.WriteLineAsync(line);
                    shown = line;
                }

                // Stopping (Ctrl+C, SIGTERM) cancels the run through the host; its record then ends as cancelled.
                await Task.Delay(ProgressEvery, clock, CancellationToken.None);
                run = await collection.GetAsync(run.Id, CancellationToken.None) ?? run;
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            await error.WriteLineAsync("Stopped before the run started.");
            return HostCommands.Failed;
        }
#pragma warning disable CA1031 // A command reports any failure as a message and an exit code.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            await error.WriteLineAsync($"Collection failed: {exception.Message}");
            return HostCommands.Failed;
        }

        await output.WriteLineAsync($"Run {run.Id} {Describe(run.Status)}: {run.ReposOk} of {run.ReposTotal} repositories collected, {run.ReposFailed} failed, {run.ApiCalls} API calls.");
        foreach (var failure in await services.GetRequiredService<ICollectionRunStore>().ListErrorsAsync(run.Id, CancellationToken.None))
        {
            await error.WriteLineAsync($"  {(failure.RepositoryId is { } id ? $"repository {id}" : "run")}: {failure.Kind}: {failure.Message}");
        }

        return run.Status == CollectionRunStatus.Succeeded ? HostCommands.Ok : HostCommands.Failed;
    }

    private static string Progress(CollectionRun run) => run.Status == CollectionRunStatus.Queued
        ? $"Run {run.Id} is queued."
        : $"Run {run.Id}: {run.ReposDone} of {run.ReposTotal} repositories, {run.ReposFailed} failed, {run.ApiCalls} API calls.";

    private static string Describe(CollectionRunStatus status) => status switch
    {
        CollectionRunStatus.Succeeded => "succeeded",
        CollectionRunStatus.CompletedWithErrors => "completed with errors",
        _ => status.ToString().ToLowerInvariant(),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "GhStats worker started: schedule {Schedule}, queued runs looked for every {QueuePollInterval}")]
    private static partial void LogWorkerStarted(ILogger logger, string schedule, string queuePollInterval);
}
