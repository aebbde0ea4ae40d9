using GhStats.Administration;
using Microsoft.Extensions.Options;

namespace GhStats.Web;

/// <summary>Checks the web module's settings at start, so every mistake shows at once with the setting to fix.</summary>
internal sealed class GhStatsWebOptionsValidator :
    IValidateOptions<GhStatsAuthenticationOptions>,
    IValidateOptions<GhStatsBootstrapOptions>,
    IValidateOptions<GhStatsCronOptions>,
    IValidateOptions<GhStatsApiOptions>,
    IValidateOptions<GhStatsRateLimitOptions>,
    IValidateOptions<GhStatsForwardedHeadersOptions>
{
    private static readonly string[] OwnSchemes =
    [
        GhStatsAuthenticationSchemes.Default, GhStatsAuthenticationSchemes.Cookie, GhStatsAuthenticationSchemes.OpenIdConnect,
        GhStatsAuthenticationSchemes.ApiToken, GhStatsAuthenticationSchemes.HostForbidden,
    ];

    public ValidateOptionsResult Validate(string? name, GhStatsAuthenticationOptions options)
    {
        var failures = new List<string>();
        var oidc = options.Oidc;
        if (oidc.IsConfigured)
        {
            if (!Uri.TryCreate(oidc.Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
            {
                failures.Add($"GhStats:Authentication:Oidc:Authority '{oidc.Authority}' is not an absolute http(s) address.");
            }
            else if (authority.Scheme == "http" && oidc.RequireHttpsMetadata)
            {
                failures.Add("GhStats:Authentication:Oidc:Authority uses http; use https, or set GhStats:Authentication:Oidc:RequireHttpsMetadata to false for a loopback test provider.");
            }

            if (string.IsNullOrWhiteSpace(oidc.ClientId))
            {
                failures.Add("GhStats:Authentication:Oidc:ClientId is required when an Authority is set (environment variable GhStats__Authentication__Oidc__ClientId).");
            }

            if (!oidc.Scopes.Contains("openid"))
            {
                failures.Add("GhStats:Authentication:Oidc:Scopes must include 'openid'.");
            }
        }

        if (options.HostScheme is { } hostScheme && (string.IsNullOrWhiteSpace(hostScheme) || OwnSchemes.Contains(hostScheme)))
        {
            failures.Add($"GhStats:Authentication:HostScheme '{hostScheme}' must name the host app's own authentication scheme (e.g. \"MyApp.Cookies\"), not empty and not one of GhStats' own.");
        }

        if (options.SessionIdleTimeout <= TimeSpan.Zero)
        {
            failures.Add("GhStats:Authentication:SessionIdleTimeout must be positive.");
        }

        if (options.SessionMaxLifetime < options.SessionIdleTimeout)
        {
            failures.Add("GhStats:Authentication:SessionMaxLifetime must be at least GhStats:Authentication:SessionIdleTimeout.");
        }

        if (options.SessionCheckInterval < TimeSpan.Zero || options.SessionCheckInterval > TimeSpan.FromHours(1))
        {
            failures.Add("GhStats:Authentication:SessionCheckInterval must be from zero to one hour.");
        }

        var claims = options.ClaimNames;
        if (string.IsNullOrWhiteSpace(claims.Subject) || string.IsNullOrWhiteSpace(claims.Email))
        {
            failures.Add("GhStats:Authentication:ClaimNames:Subject and :Email must name a claim.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public ValidateOptionsResult Validate(string? name, GhStatsBootstrapOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.AdminEmails.Count; i++)
        {
            if (!GhStatsAdministration.IsEmailAddress(options.AdminEmails[i]))
            {
                failures.Add(FormattableString.Invariant(
                    $"GhStats:Bootstrap:AdminEmails:{i} '{options.AdminEmails[i]}' is not an email address (environment variable GhStats__Bootstrap__AdminEmails__{i})."));
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public ValidateOptionsResult Validate(string? name, GhStatsCronOptions options)
    {
        var failures = new List<string>();
        if (options.Secret is { } secret && secret.Trim().Length < GhStatsCronOptions.MinimumSecretLength)
        {
            failures.Add($"GhStats:Cron:Secret has {secret.Trim().Length} characters; use at least {GhStatsCronOptions.MinimumSecretLength}, e.g. the output of 'openssl rand -base64 32'.");
        }

        if (options.MaxWait < TimeSpan.Zero || options.MaxWait > TimeSpan.FromHours(1))
        {
            failures.Add($"GhStats:Cron:MaxWait is {options.MaxWait}; use 00:00:00 (callers may not wait) to 01:00:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public ValidateOptionsResult Validate(string? name, GhStatsApiOptions options)
    {
        var failures = new List<string>();
        if (options.MaxRequestBodyBytes is < 1024 or > 16 * 1024 * 1024)
        {
            failures.Add("GhStats:Api:MaxRequestBodyBytes must be between 1024 and 16777216.");
        }

        if (options.ResponseCacheMegabytes is < 0 or > 4096 || options.ResponseCacheLifetime <= TimeSpan.Zero)
        {
            failures.Add("GhStats:Api:ResponseCacheMegabytes must be between 0 and 4096, and ResponseCacheLifetime positive.");
        }

        if (options.AccessCacheLifetime < TimeSpan.Zero || options.AccessCacheLifetime > TimeSpan.FromMinutes(5))
        {
            failures.Add("GhStats:Api:AccessCacheLifetime must be between 00:00:00 and 00:05:00.");
        }

        if (options.MaxRangeDays < 1)
        {
            failures.Add("GhStats:Api:MaxRangeDays must be positive.");
        }

        if (options.DefaultRangeDays < 1 || options.DefaultRangeDays > options.MaxRangeDays)
        {
            failures.Add("GhStats:Api:DefaultRangeDays must be between 1 and MaxRangeDays.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public ValidateOptionsResult Validate(string? name, GhStatsRateLimitOptions options)
    {
        var failures = new List<string>();
        foreach (var (key, limit) in new[] { ("ApiToken", options.ApiToken), ("Cron", options.Cron), ("SignIn", options.SignIn), ("Badges", options.Badges), ("Public", options.Public) })
        {
            if (limit.PermitLimit < 0 || limit.Window <= TimeSpan.Zero || limit.Window > TimeSpan.FromDays(1))
            {
                failures.Add($"GhStats:RateLimits:{key}: PermitLimit must be 0 (off) or more, and Window from a tick to one day.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public ValidateOptionsResult Validate(string? name, GhStatsForwardedHeadersOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.KnownProxies.Count; i++)
        {
            if (!System.Net.IPAddress.TryParse(options.KnownProxies[i], out _))
            {
                failures.Add(FormattableString.Invariant($"GhStats:ForwardedHeaders:KnownProxies:{i} '{options.KnownProxies[i]}' is not an IP address."));
            }
        }

        for (var i = 0; i < options.KnownNetworks.Count; i++)
        {
            if (!System.Net.IPNetwork.TryParse(options.KnownNetworks[i], out _))
            {
                failures.Add(FormattableString.Invariant($"GhStats:ForwardedHeaders:KnownNetworks:{i} '{options.KnownNetworks[i]}' is not a network such as 10.0.0.0/24."));
            }
        }

        if (options.ForwardLimit < 1)
        {
            failures.Add("GhStats:ForwardedHeaders:ForwardLimit must be 1 or more.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
