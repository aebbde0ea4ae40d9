namespace GhStats.Web;

/// <summary>
/// The reverse proxies GhStats trusts, bound from <c>GhStats:ForwardedHeaders</c>. Nothing is trusted by default: without
/// a known proxy or network, <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are ignored. With one, GhStats reads the
/// client address and scheme they report, but only on connections from those proxies, so that session cookies are
/// <c>Secure</c> behind a TLS-terminating proxy and rate limits count the real client. The development sign-in is then off.
/// </summary>
public sealed class GhStatsForwardedHeadersOptions
{
    /// <summary>The configuration section, under "GhStats".</summary>
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Addresses of trusted proxies, e.g. "10.0.0.5" (environment variables <c>GhStats__ForwardedHeaders__KnownProxies__0</c> ...).</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation, e.g. "10.0.0.0/24" (<c>GhStats__ForwardedHeaders__KnownNetworks__0</c> ...).</summary>
    public IList<string> KnownNetworks { get; } = [];

    /// <summary>How many proxies in a row to read the headers of. Default 1.</summary>
    public int ForwardLimit { get; set; } = 1;

    /// <summary>Whether any proxy is trusted.</summary>
    public bool IsConfigured => KnownProxies.Count > 0 || KnownNetworks.Count > 0;
}
