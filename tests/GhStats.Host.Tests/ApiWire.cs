namespace GhStats.Host.Tests;

/// <summary>The parts of the JSON API v1 answers these tests read, as a client outside the server sees them.</summary>
internal static class ApiWire
{
    internal sealed record Me(long Id, string? Email, string[] SystemRoles, MeTenant[] Tenants, bool DevelopmentSignIn, string? AntiforgeryToken);

    internal sealed record MeTenant(long Id, string Slug, string Name, string? Role);

    internal sealed record Tenant(long Id, string Slug, string Name);

    internal sealed record CreatedToken(long Id, string Name, string Token);

    internal sealed record Connection(long Id, string Kind, string ApiBaseUrl);

    internal sealed record Repository(long Id, string FullName, long? ConnectionId, string? LastStatus);

    internal sealed record Run(long Id, string Trigger, string Status, int ReposTotal, int ReposOk, int ReposFailed, int ApiCalls, DateTimeOffset? FinishedAt);

    internal sealed record Traffic(long RepoId, TrafficPoint[] Points, TrafficTotals Totals);

    internal sealed record TrafficPoint(DateOnly Date, long Views, long Clones);

    internal sealed record TrafficTotals(long Views, long Clones, int DaysWithData, int Days, int KnownDays, int PartialDays);
}
