namespace GhStats.Web.Notifications;

/// <summary>
/// What the web module reads of <c>GhStats:Notifications</c> to check channel input, without referencing the
/// notifications package (which owns the section's full options class).
/// </summary>
internal sealed class NotificationInputOptions
{
    public const string SectionName = "Notifications";

    /// <summary>Whether webhook and Slack URLs may be http and point at private addresses (tests, a private network).</summary>
    public bool AllowPrivateAddresses { get; set; }
}
