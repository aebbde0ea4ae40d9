namespace GhStats;

/// <summary>One GitHub API host the operator allows (<see cref="GitHubApiOptions.AllowedHosts"/>).</summary>
public sealed class GitHubApiHost
{
    /// <summary>The host name, optionally with a port (<c>github.example.com</c>, <c>github.example.com:8443</c>); without a port any port matches.</summary>
    public string Host { get; set; } = "";

    /// <summary>Whether plain http may be used with this host. Default false: https only.</summary>
    public bool AllowHttp { get; set; }

    /// <summary>
    /// Whether the host may resolve to a loopback, link-local, private or unique-local address (a GitHub Enterprise
    /// Server inside the operator's network). Default false: such addresses are refused when connecting.
    /// </summary>
    public bool AllowPrivateAddresses { get; set; }
}
