using GhStats.Domain;
using GhStats.Web.Api.Contracts;

namespace GhStats.Web.Api;

/// <summary>Domain records to their API shapes; nothing secret has a field here.</summary>
internal static class ApiMapping
{
    public static TenantResponse ToResponse(this Tenant tenant, TenantRole? role) =>
        new(tenant.Id, tenant.Slug, tenant.Name, tenant.CreatedAt, role is { } r ? WireNames.Of(r) : null);

    public static ConnectionResponse ToResponse(this GitHubConnection connection) =>
        new(connection.Id, connection.Name, WireNames.Of(connection.Kind), connection.ApiBaseUrl, connection.AppId, connection.InstallationId, connection.CreatedAt);

    public static RepositoryResponse ToResponse(this TrackedRepository repository, string tenantSlug, CollectionHorizon horizon) =>
        new(repository.Id, tenantSlug, repository.FullName, repository.Owner, repository.Name, repository.ConnectionId,
            repository.AddedAt, repository.RemovedAt, repository.LastCollectedAt, repository.LastStatus, horizon.ToResponse(), repository.BadgesEnabled);

    public static HorizonResponse ToResponse(this CollectionHorizon horizon) =>
        new(WireNames.Of(horizon.State), horizon.LastDailyReadOn, horizon.DaysSinceRead);

    public static TrackedOwnerResponse ToResponse(this TrackedOwner owner) =>
        new(owner.Id, owner.Owner, owner.ConnectionId, owner.Include, owner.Exclude, owner.SkipForks, owner.SkipArchived, owner.AddedAt);

    public static ConnectionCheckResponse ToResponse(this ConnectionCheckResult check, long connectionId) =>
        new(connectionId, check.Ok, check.Reachable, check.CredentialsAccepted,
            check.Identity is { } who ? new ConnectionIdentityResponse(who.Login, who.AppSlug, who.AppId, who.InstallationId) : null,
            check.Scopes,
            check.RateLimit is { } limit ? new RateLimitResponse(limit.Limit, limit.Remaining, limit.ResetsAt) : null,
            new TrafficAccessResponse(check.Traffic.CanRead, check.Traffic.Repository, check.Traffic.GitHubStatus),
            check.Findings,
            check.CheckedAt);

    public static CollectionPlanResponse ToResponse(this CollectionPlan plan) =>
        new(plan.PlannedAt, plan.RunsPerDay, WireNames.Of(plan.RunsPerDaySource), plan.NextDay, plan.NextDayReadsWeekly, plan.RepositoriesWithoutConnection,
            plan.Connections.Select(c => new ConnectionPlanResponse(
                c.ConnectionId, c.ConnectionName, c.Repositories, c.HourlyLimit, c.HourlyLimitObserved, c.CountersByGraphQL, c.CallsPerRepositoryPerDay,
                c.HourlyCapacity, c.DailyCapacity, c.NextDayCalls, c.DailyBudget, c.NextDayFits, c.LastRunCalls, c.LastRunAt)).ToList());

    public static TokenResponse ToResponse(this ApiToken token) =>
        new(token.Id, token.Name, token.CreatedAt, token.LastUsedAt, token.ExpiresAt, token.RevokedAt);

    public static RunResponse ToResponse(this CollectionRun run, IReadOnlyList<RunErrorResponse>? errors = null) =>
        new(run.Id, WireNames.Of(run.Trigger), run.RequestedBy, run.TenantId, run.StartedAt, run.FinishedAt, WireNames.Of(run.Status),
            run.ReposTotal, run.ReposOk, run.ReposFailed, run.ApiCalls, run.RateLimitRemaining, errors);

    public static AuditEntryResponse ToResponse(this AuditEntry entry, string? tenantSlug, bool includeAddress) =>
        new(entry.Id, entry.OccurredAt, WireNames.Of(entry.Actor.Kind), entry.Actor.UserId, entry.Actor.Name, entry.TenantId, tenantSlug, entry.Action,
            entry.Target?.Kind, entry.Target?.Id, entry.Target?.Name, entry.Details, includeAddress ? entry.ClientAddress : null);

    public static TrafficResponse ToResponse(this TrafficSeries series) =>
        new(series.RepositoryId, WireNames.Of(series.Per), series.From, series.To,
            series.Points.Select(p => p.ToResponse(series.Per)).ToList(),
            series.Totals.ToResponse());

    /// <summary>A day says its coverage, a week or month its day counts; nothing known means null counts, never zeros.</summary>
    public static TrafficPointResponse ToResponse(this TrafficPoint point, TrafficPeriod per)
    {
        var known = point.KnownDays > 0;
        var perDay = per == TrafficPeriod.Day;
        return new TrafficPointResponse(point.Date,
            perDay ? WireNames.Of(point.Coverage) : null,
            perDay ? null : point.Days, perDay ? null : point.KnownDays, perDay ? null : point.PartialDays,
            known ? point.Views : null, known ? point.UniqueViews : null, known ? point.Clones : null, known ? point.UniqueClones : null);
    }

    public static TrafficTotalsResponse ToResponse(this TrafficTotals totals) =>
        new(totals.Views, totals.Clones, totals.PeakDailyUniqueViews, totals.PeakDailyUniqueClones, totals.DaysWithData,
            totals.Days, totals.KnownDays, totals.PartialDays);
}
