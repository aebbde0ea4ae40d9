namespace GhStats.Web;

/// <summary>The claims GhStats writes into its own session cookie and token principals.</summary>
public static class GhStatsClaimTypes
{
    /// <summary>The GhStats profile id.</summary>
    public const string UserId = "ghstats:uid";

    /// <summary>The personal API token a request came with.</summary>
    public const string TokenId = "ghstats:token";

    /// <summary>Set on sessions from the development sign-in.</summary>
    public const string DevelopmentSignIn = "ghstats:dev";
}
