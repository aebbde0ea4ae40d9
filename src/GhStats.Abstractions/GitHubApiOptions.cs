namespace GhStats;

/// <summary>
/// Which GitHub API hosts this installation's connections may call, bound from <c>GhStats:GitHub</c>. The operator
/// decides, not a tenant: <c>api.github.com</c> over https is always allowed; a GitHub Enterprise Server host must be
/// listed in <see cref="AllowedHosts"/> before an Owner can save a connection to it, and again when it is called.
/// </summary>
public sealed class GitHubApiOptions
{
    /// <summary>The configuration section, under "GhStats".</summary>
    public const string SectionName = "GitHub";

    /// <summary>
    /// GitHub Enterprise Server hosts connections may use besides api.github.com, e.g.
    /// <c>GhStats:GitHub:AllowedHosts:0:Host = "github.example.com"</c>. Default none.
    /// </summary>
    public IList<GitHubApiHost> AllowedHosts { get; } = [];
}
