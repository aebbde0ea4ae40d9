using GhStats.Domain;

namespace GhStats.Bench.Queries;

/// <summary>What the server process (the `web-server` command the driver starts) serves.</summary>
/// <param name="Database">The SQLite file: a copy of the seeded one, which the server may write to (tokens, last use).</param>
/// <param name="TenantSlug">The tenant the caller is a member of.</param>
/// <param name="SeriesPath">Path and query of the series request.</param>
/// <param name="SummaryPath">Path and query of the summary request.</param>
/// <param name="Role">The caller's role: Viewer or Owner of the tenant; null for a system admin.</param>
internal sealed record ServerOptions(string Database, string TenantSlug, string SeriesPath, string SummaryPath, TenantRole? Role)
{
    public const string Usage = "--db <file> --tenant <slug> --series <path?query> --summary <path?query> [--role viewer|owner|admin]";

    /// <summary>Reads the options after the command.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The options.</returns>
    /// <exception cref="ArgumentException">When one is missing or unknown.</exception>
    public static ServerOptions Parse(IReadOnlyList<string> args)
    {
        var values = CommandLine.Pairs(args, "--db", "--tenant", "--series", "--summary", "--role");
        string Required(string name) => values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"{name} is required.", nameof(args));
        return new ServerOptions(Required("--db"), Required("--tenant"), Required("--series"), Required("--summary"), RoleFrom(values.GetValueOrDefault("--role", "viewer")));
    }

    /// <summary>Reads a role as the command line gives it.</summary>
    /// <param name="role">viewer, owner or admin.</param>
    /// <returns>The tenant role, or null for admin.</returns>
    /// <exception cref="ArgumentException">For anything else.</exception>
    public static TenantRole? RoleFrom(string role) => role switch
    {
        "viewer" => TenantRole.Viewer,
        "owner" => TenantRole.Owner,
        "admin" => null,
        _ => throw new ArgumentException($"--role is viewer, owner or admin, not '{role}'.", nameof(role)),
    };

    /// <summary>The command-line name of a role.</summary>
    /// <param name="role">The role; null for admin.</param>
    /// <returns>viewer, owner or admin.</returns>
    public static string RoleName(TenantRole? role) => role switch
    {
        TenantRole.Viewer => "viewer",
        TenantRole.Owner => "owner",
        _ => "admin",
    };
}
