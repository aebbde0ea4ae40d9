var builder = WebApplication.CreateBuilder(args);

// Settings come from appsettings*.json, user secrets (Development) and environment variables (GhStats__Cron__Secret ...).
builder.Services.AddGhStats(builder.Configuration.GetSection("GhStats"))
#if (storage == "sqlite")
    .UseSqlite()        // GhStats:Sqlite:ConnectionString
#elif (storage == "postgres")
    .UsePostgres()      // GhStats:Postgres:ConnectionString
#else
    .UseDb2()           // GhStats:Db2:ConnectionString; IBM's driver package is in the project file
#endif
    .AddGitHubCollector()
    .AddWeb();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();

// The pages, JSON API v1, the cron endpoint (POST /api/v1/collect), /healthz and /readyz.
app.MapGhStats();

await app.RunAsync();
