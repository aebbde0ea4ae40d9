using GhStats.Host;

var builder = WebApplication.CreateBuilder(args);
var ghStats = builder.Configuration.GetSection("GhStats");
var isCommand = HostCommands.IsCommand(args);
if (isCommand)
{
    // Commands do their work and exit: no migration at start, no collection schedule, no server.
    builder.Configuration["GhStats:Storage:MigrateOnStartup"] = "false";
    builder.Configuration["GhStats:Collector:Schedule"] = null;
}

builder.Services.AddGhStats(ghStats)
    .UseConfiguredStorage(ghStats)
    .AddGitHubCollector()
    .AddWeb();
builder.AddTelemetry();

var app = builder.Build();
if (isCommand)
{
    return await HostCommands.RunAsync(args, app, Console.Out, Console.Error);
}

app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapGhStats();
app.MapTelemetry();

await app.RunAsync();
return 0;
