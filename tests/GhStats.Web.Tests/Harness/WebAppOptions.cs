using GhStats.GitHub;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace GhStats.Web.Tests.Harness;

/// <summary>How a <see cref="WebApp"/> is built; the defaults are GhStats.Host's wiring on a fresh SQLite file.</summary>
public sealed class WebAppOptions
{
    /// <summary>The prefix passed to <c>MapGhStats</c>; "" maps at the root, as the host does.</summary>
    public string Prefix { get; init; } = "";

    /// <summary>The host environment; "Development" turns on the development sign-in (loopback only).</summary>
    public string Environment { get; init; } = "Production";

    /// <summary>
    /// Configuration on top of the harness's defaults (SQLite file, fast collector retries), as the host's
    /// appsettings and environment variables would give it, e.g. <c>["GhStats:Cron:Secret"] = "..."</c>.
    /// A null value removes a default.
    /// </summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>An existing SQLite file to share with another app (a second replica); null for a new temporary file.</summary>
    public string? DatabasePath { get; init; }

    /// <summary>The content root; replicas on other machines have their own, so a second app may pass another folder.</summary>
    public string? ContentRoot { get; init; }

    /// <summary>The clock GhStats reads (registered before <c>AddGhStats</c>, which keeps it); null for the system clock.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>Whether to call <c>AddGhStats(...)</c>; false shows what <c>MapGhStats</c> says without it.</summary>
    public bool AddGhStats { get; init; } = true;

    /// <summary>Whether to call <c>.AddGitHubCollector()</c>.</summary>
    public bool AddCollector { get; init; } = true;

    /// <summary>Whether to call <c>.AddWeb()</c>; false shows what <c>MapGhStats</c> says without it.</summary>
    public bool AddWeb { get; init; } = true;

    /// <summary>
    /// Called with the builder right after <c>UseSqlite()</c>, before <c>AddGitHubCollector()</c> and <c>AddWeb()</c>:
    /// code configuration through the <c>Configure{Concern}</c> methods ahead of the packages it configures.
    /// </summary>
    public Action<GhStatsBuilder>? ConfigureGhStats { get; init; }

    /// <summary>Passed to <c>AddWeb(configure)</c>: code changes to the sign-in settings.</summary>
    public Action<GhStatsAuthenticationOptions>? ConfigureAuthentication { get; init; }

    /// <summary>Passed to <c>AddGitHubCollector(configure)</c>, after configuration.</summary>
    public Action<GitHubCollectorOptions>? ConfigureCollector { get; init; }

    /// <summary>More services, registered after GhStats' (e.g. an embedding app's own authentication).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>Middleware or endpoints of the app itself, added before <c>MapGhStats</c>.</summary>
    public Action<WebApplication>? ConfigureApp { get; init; }
}
