using GhStats.EmbeddedSample;

var builder = WebApplication.CreateBuilder(args);

// The app's own parts: Razor Pages and its own cookie sign-in (see SampleSignIn).
builder.Services.AddRazorPages();
builder.Services.AddAuthentication(SampleSignIn.Scheme)
    .AddCookie(SampleSignIn.Scheme, options =>
    {
        options.Cookie.Name = ".Sample.Session";
        options.LoginPath = "/account/signin";
        options.LogoutPath = "/account/signout";
    });

// GhStats, 1 of 2: its services, SQLite storage (GhStats:Sqlite:ConnectionString), the collector, and the web module
// behind the app's sign-in. The bootstrap admin is in appsettings.json (GhStats:Bootstrap:AdminEmails).
builder.Services.AddGhStats(builder.Configuration.GetSection("GhStats"))
    .UseSqlite()
    .AddGitHubCollector()
    .AddWeb(options =>
    {
        options.HostScheme = SampleSignIn.Scheme;   // people signed in to the app map to GhStats profiles
        options.AssumeEmailVerified = true;         // the app vouches for its users' emails
    });

var app = builder.Build();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error");
    app.UseHsts();
}

app.MapRazorPages();

// GhStats, 2 of 2: its pages, JSON API, assets, /stats/healthz and /stats/readyz.
app.MapGhStats("/stats");

app.Run();
