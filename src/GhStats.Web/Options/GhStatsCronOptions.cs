namespace GhStats.Web;

/// <summary>The cron endpoint's secret, bound from <c>GhStats:Cron</c>.</summary>
public sealed class GhStatsCronOptions
{
    /// <summary>The configuration section, under "GhStats".</summary>
    public const string SectionName = "Cron";

    /// <summary>The shortest secret accepted.</summary>
    public const int MinimumSecretLength = 32;

    /// <summary>
    /// The secret an external scheduler sends to <c>POST {prefix}/api/v1/collect</c>, at least 32 characters
    /// (e.g. <c>openssl rand -base64 32</c>). No default: unset, the endpoint refuses every scheduler call.
    /// Set it through <c>GhStats__Cron__Secret</c> or user secrets, never in a committed file.
    /// </summary>
    public string? Secret { get; set; }
}
