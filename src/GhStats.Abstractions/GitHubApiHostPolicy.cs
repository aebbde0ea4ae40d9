using Microsoft.Extensions.Options;

namespace GhStats;

/// <summary>
/// Decides whether a connection may call a GitHub API address, from the operator's <see cref="GitHubApiOptions"/>: the
/// web module asks when an Owner saves a connection, the collector again before every run and every connection it opens.
/// </summary>
public sealed class GitHubApiHostPolicy
{
    /// <summary>GitHub.com's API host, always allowed over https.</summary>
    public const string GitHubDotComHost = "api.github.com";

    private const string Setting = "GhStats:GitHub:AllowedHosts";
    private readonly IOptionsMonitor<GitHubApiOptions> _options;

    /// <summary>Creates the policy over the operator's settings; changes to them apply to the next call.</summary>
    /// <param name="options">The settings.</param>
    public GitHubApiHostPolicy(IOptionsMonitor<GitHubApiOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>Why <paramref name="apiAddress"/> may not be called, naming the setting the operator would change; null when it may.</summary>
    /// <param name="apiAddress">An absolute API address, e.g. https://github.example.com/api/v3/.</param>
    /// <returns>The reason, or null.</returns>
    public string? RefusalOf(Uri apiAddress)
    {
        ArgumentNullException.ThrowIfNull(apiAddress);
        if (!apiAddress.IsAbsoluteUri || apiAddress.Scheme is not ("https" or "http"))
        {
            return "A GitHub API address is an absolute https address such as https://api.github.com.";
        }

        var host = apiAddress.IdnHost;
        var port = apiAddress.Port;
        // The collector calls https://api.github.com for github.com too.
        var isGitHubDotCom = (host.Equals(GitHubDotComHost, StringComparison.OrdinalIgnoreCase) || host.Equals("github.com", StringComparison.OrdinalIgnoreCase))
            && apiAddress.IsDefaultPort;
        var entry = Find(host, port);
        if (entry is null && !isGitHubDotCom)
        {
            return $"GitHub API host '{HostAndPort(apiAddress)}' is not allowed on this GhStats installation: only api.github.com is, "
                + $"and the hosts its operator lists in {Setting} (ask them to add a GitHub Enterprise Server host there).";
        }

        // api.github.com is allowed over https only: plain http would send the token in the clear.
        if (apiAddress.Scheme == "http" && entry is not { AllowHttp: true })
        {
            return $"GitHub API host '{HostAndPort(apiAddress)}' is allowed over https only: use https, or the operator sets AllowHttp for it in {Setting}.";
        }

        return null;
    }

    /// <summary>Whether the operator lets <paramref name="host"/> (as the request names it) resolve to a private, loopback or link-local address.</summary>
    /// <param name="host">The host name or address literal.</param>
    /// <param name="port">The port connected to.</param>
    /// <returns>True when allowed.</returns>
    public bool AllowsPrivateAddresses(string host, int port) =>
        Find(host, port) is { AllowPrivateAddresses: true };

    private GitHubApiHost? Find(string host, int port)
    {
        var bare = host.Trim('[', ']');
        foreach (var entry in _options.CurrentValue.AllowedHosts)
        {
            if (Parse(entry.Host) is { } allowed && allowed.Host.Trim('[', ']').Equals(bare, StringComparison.OrdinalIgnoreCase)
                && (allowed.Port is null || allowed.Port == port))
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>An entry's host and optional port; null when it is not one (the options validator names it).</summary>
    internal static (string Host, int? Port)? Parse(string? entry)
    {
        if (string.IsNullOrWhiteSpace(entry) || entry.Contains("://", StringComparison.Ordinal) || entry.IndexOfAny(['/', '?', '#', '@']) >= 0
            || !Uri.TryCreate("http://" + entry.Trim(), UriKind.Absolute, out var uri) || uri.HostNameType == UriHostNameType.Unknown)
        {
            return null;
        }

        var hasPort = uri.Authority.Length != uri.Host.Length || entry.Trim().EndsWith(":80", StringComparison.Ordinal);
        return (uri.IdnHost, hasPort ? uri.Port : null);
    }

    private static string HostAndPort(Uri address) => address.IsDefaultPort ? address.Host : $"{address.Host}:{address.Port}";
}
