using GhStats.Host;
using GhStats.Stores;

var builder = WebApplication.CreateBuilder(args);
var ghStats = builder.Configuration.GetSection("GhStats");
var isCommand = HostCommands.IsCommand(args);
if (isCommand)
{
    // Commands do their work and exit: no migration at start, no server.
    builder.Configuration["GhStats:Storage:MigrateOnStartup"] = "false";
}

builder.Services.AddGhStats(ghStats).UseConfiguredStorage(ghStats);

var app = builder.Build();
if (isCommand)
{
    return await HostCommands.RunAsync(args, app, Console.Out, Console.Error);
}

// Until the web module maps them, the host answers liveness and readiness itself.
app.MapGet("/healthz", () => Results.Ok(new { status = "alive" }));
app.MapGet("/readyz", async (ISchemaMigrator migrator, CancellationToken cancellationToken) =>
{
    var status = await migrator.GetStatusAsync(cancellationToken);
    return status.IsReady
        ? Results.Ok(new { status = "ready", schemaVersion = status.AppliedVersion })
        : Results.Problem(title: "GhStats is not ready", detail: status.Message, statusCode: StatusCodes.Status503ServiceUnavailable);
});

await app.RunAsync();
return 0;
