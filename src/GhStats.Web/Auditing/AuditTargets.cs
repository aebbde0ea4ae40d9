using System.Globalization;
using GhStats.Domain;

namespace GhStats.Web.Auditing;

/// <summary>How each kind of thing is named in the audit log: its kind, id and name at the time. Never a secret.</summary>
internal static class AuditTargets
{
    public static AuditTarget Tenant(Tenant tenant) => new("tenant", Id(tenant.Id), tenant.Slug);

    public static AuditTarget Member(string email) => new("member", null, Normalized(email));

    public static AuditTarget Invitation(string email) => new("invitation", null, Normalized(email));

    public static AuditTarget Connection(GitHubConnection connection) => new("connection", Id(connection.Id), connection.Name);

    public static AuditTarget Connection(long id) => new("connection", Id(id), null);

    public static AuditTarget Token(ApiToken token) => new("token", Id(token.Id), token.Name);

    public static AuditTarget Token(long id) => new("token", Id(id), null);

    public static AuditTarget Repository(TrackedRepository repository) => new("repository", Id(repository.Id), repository.FullName);

    public static AuditTarget Owner(TrackedOwner owner) => new("owner", Id(owner.Id), owner.Owner);

    public static AuditTarget Owner(long id) => new("owner", Id(id), null);

    public static AuditTarget Annotation(Annotation note) =>
        new("annotation", Id(note.Id), string.Create(CultureInfo.InvariantCulture, $"{note.Day:yyyy-MM-dd} {GhStats.Web.Annotations.ChartMarkers.Of(note).Title}"));

    public static AuditTarget Dashboard(PublicDashboard dashboard) => new("dashboard", Id(dashboard.Id), dashboard.Title);

    public static AuditTarget Dashboard(long id) => new("dashboard", Id(id), null);

    public static AuditTarget Channel(NotificationChannel channel) => new("channel", Id(channel.Id), channel.Name);

    public static AuditTarget Channel(long id) => new("channel", Id(id), null);

    public static AuditTarget Subscription(Tenant tenant) => new("subscription", Id(tenant.Id), tenant.Slug);

    public static AuditTarget Profile(UserProfile user) => new("user", Id(user.Id), user.Email);

    public static AuditTarget Run(CollectionRun run) => new("run", Id(run.Id), null);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Normalized(string email) => email.Trim().ToLowerInvariant();
}
