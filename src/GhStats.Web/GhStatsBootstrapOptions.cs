namespace GhStats.Web;

/// <summary>First administrators, bound from <c>GhStats:Bootstrap</c>.</summary>
public sealed class GhStatsBootstrapOptions
{
    /// <summary>The configuration section, under "GhStats".</summary>
    public const string SectionName = "Bootstrap";

    /// <summary>
    /// Emails that become system admins at their profile's first sign-in with that email verified, and only then: an admin
    /// who later takes the role away is obeyed at every later sign-in
    /// (environment variables <c>GhStats__Bootstrap__AdminEmails__0</c>, <c>__1</c> ...).
    /// </summary>
    public IList<string> AdminEmails { get; } = [];
}
