using GhStats.Host;

if (WorkerHost.IsWorkerCommand(args))
{
    // The collector without the web module: a long-running worker, or one collection and out.
    return await WorkerHost.RunAsync(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
var ghStats = builder.Configuration.GetSection("GhStats");
var isCommand = HostCommands.IsCommand(args);
if (isCommand)
{
    // Commands do their work and exit: no migration at start, no collection schedule, no server.
    builder.Configuration["GhStats:Storage:MigrateOnStartup"] = "false";
    builder.Configuration["GhStats:Collector:Schedule"] = null;

    // A command's stdout is its result (an archive, a token): the log goes to stderr.
    builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
}

if (ghStats.GetValue<bool>("Cron:QueueForWorker"))
{
    // A web replica beside a worker: collection requests are queued for the worker; the collector stays for connection tests.
    builder.Configuration["GhStats:Collector:Schedule"] = null;
    builder.Configuration["GhStats:Collector:QueuePollInterval"] = "00:00:00";
}

builder.Services.AddGhStats(ghStats)
    .UseConfiguredStorage(ghStats)
    .AddGitHubCollector()
    .AddNotifications()
    .AddTransfer()
    .AddWeb();
builder.AddTelemetry();

var app = builder.Build();
if (isCommand)
{
    return await HostCommands.RunAsync(args, app, Console.Out, Console.Error);
}

// AddWeb() puts forwarded headers (only from GhStats:ForwardedHeaders:KnownProxies / KnownNetworks; none by default)
// and the GhStats:RateLimits limits first in this pipeline: behind a TLS-terminating proxy, list the proxy there.
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapGhStats();
app.MapTelemetry();

await app.RunAsync();
return 0;
