using System.Data.Common;
using GhStats.Domain;
using GhStats.Storage.Relational;
using GhStats.Stores;

namespace GhStats.Storage.Stars;

/// <summary>Backfilled star history and backfill state on a relational database.</summary>
internal sealed class StarHistoryStore(StoreDatabase db, StarHistoryStatements sql) : IStarHistoryStore
{
    public Task<StarBackfill?> GetBackfillAsync(long repositoryId, CancellationToken cancellationToken = default) =>
        db.ReadAsync(connection => ReadBackfillAsync(connection, null, repositoryId, cancellationToken), cancellationToken);

    public Task<StarBackfill> StorePageAsync(StarBackfillPage page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentOutOfRangeException.ThrowIfLessThan(page.Page, 1, nameof(page));
        ArgumentOutOfRangeException.ThrowIfNegative(page.StarsRead, nameof(page));
        var days = page.Days
            .Select(d => d.RepositoryId == page.RepositoryId && d.Stars >= 0 && d.Day >= Input.EarliestDay
                ? d
                : throw new ArgumentException($"Star history day {d.Day:yyyy-MM-dd} of repository {d.RepositoryId} does not belong to page {page.Page} of repository {page.RepositoryId}, or counts below zero.", nameof(page)))
            .GroupBy(d => d.Day)
            .Select(g => g.MaxBy(d => d.Stars)!)
            .OrderBy(d => d.Day)
            .ToList();

        return db.WriteAsync(
            async (connection, transaction) =>
            {
                await db.RequireAsync(connection, transaction, sql.RepositoryExists, c => c.With("repo_id", page.RepositoryId), "repository", page.RepositoryId, cancellationToken).ConfigureAwait(false);
                await db.WriteBatchesAsync(connection, transaction, days, sql.BatchRows(StarHistoryStatements.DayShape), sql.MergeDays, (command, d, i) => command
                    .With($"repo_id_{i}", d.RepositoryId).With($"day_{i}", d.Day).With($"stars_{i}", d.Stars), cancellationToken).ConfigureAwait(false);

                var stored = await ReadBackfillAsync(connection, transaction, page.RepositoryId, cancellationToken).ConfigureAwait(false);
                var first = days.Count == 0 ? (DateOnly?)null : days[0].Day;
                var last = days.Count == 0 ? (DateOnly?)null : days[^1].Day;
                var next = new StarBackfill(
                    page.RepositoryId,
                    page.HasNextPage ? StarBackfillState.InProgress : StarBackfillState.Complete,
                    page.HasNextPage ? page.Page + 1 : 0,
                    Math.Max(stored?.StarsRead ?? 0, page.StarsRead),
                    Earlier(stored?.FirstStarOn, first),
                    Later(stored?.KnownThrough, last),
                    null,
                    db.Now);
                await SaveAsync(connection, transaction, next, stored is null, cancellationToken).ConfigureAwait(false);
                return next;
            },
            cancellationToken);
    }

    public Task<StarBackfill> MarkLimitedAsync(long repositoryId, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return db.WriteAsync(
            async (connection, transaction) =>
            {
                await db.RequireAsync(connection, transaction, sql.RepositoryExists, c => c.With("repo_id", repositoryId), "repository", repositoryId, cancellationToken).ConfigureAwait(false);
                var stored = await ReadBackfillAsync(connection, transaction, repositoryId, cancellationToken).ConfigureAwait(false);
                var limited = (stored ?? new StarBackfill(repositoryId, StarBackfillState.NotStarted, 0, 0, null, null, null, db.Now)) with
                {
                    State = StarBackfillState.Limited,
                    NextPage = 0,
                    LimitReason = Input.Cut(reason, FieldLimits.StarBackfillLimitReason),
                    UpdatedAt = db.Now,
                };
                await SaveAsync(connection, transaction, limited, stored is null, cancellationToken).ConfigureAwait(false);
                return limited;
            },
            cancellationToken);
    }

    public Task<StarHistory> GetStarHistoryAsync(long tenantId, long repositoryId, DateRange range, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(range);
        return db.ReadAsync(
            async connection =>
            {
                await db.RequireAsync(connection, null, sql.RepositoryInTenant, c => c.With("repo_id", repositoryId).With("tenant_id", tenantId), "repository", repositoryId, cancellationToken).ConfigureAwait(false);
                var backfill = await ReadBackfillAsync(connection, null, repositoryId, cancellationToken).ConfigureAwait(false);
                DateOnly? trackingFrom;
                using (var tracking = db.Command(connection, sql.TrackingFrom).With("repo_id", repositoryId))
                {
                    trackingFrom = (await tracking.FirstOrDefaultAsync(StarHistoryRows.TrackingShape, StarHistoryRows.ReadTrackingStart, cancellationToken).ConfigureAwait(false))?.Day;
                }

                if (backfill?.FirstStarOn is not { } firstStar || backfill.KnownThrough is not { } knownThrough)
                {
                    return new StarHistory(repositoryId, backfill, trackingFrom, []);
                }

                // Known from the oldest star read; through tracking's eve once the whole list was read, else through the newest star read.
                var from = Later(range.From, firstStar)!.Value;
                var through = backfill.State == StarBackfillState.Complete ? range.To : Earlier(range.To, knownThrough)!.Value;
                if (trackingFrom is { } tracked)
                {
                    through = Earlier(through, tracked.AddDays(-1))!.Value;
                }

                if (from > through)
                {
                    return new StarHistory(repositoryId, backfill, trackingFrom, []);
                }

                StarHistoryDay? carried;
                using (var carry = db.Command(connection, sql.CarriedIn).With("repo_id", repositoryId).With("repo_id_again", repositoryId).With("from_day", from))
                {
                    carried = await carry.FirstOrDefaultAsync(StarHistoryRows.DayShape, StarHistoryRows.ReadDay, cancellationToken).ConfigureAwait(false);
                }

                List<StarHistoryDay> stored;
                using (var read = db.Command(connection, sql.Days).With("repo_id", repositoryId).With("from_day", from).With("to_day", through))
                {
                    stored = await read.ListAsync(StarHistoryRows.DayShape, StarHistoryRows.ReadDay, cancellationToken).ConfigureAwait(false);
                }

                return new StarHistory(repositoryId, backfill, trackingFrom, Fill(repositoryId, from, through, carried?.Stars ?? 0, stored));
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<StarHistoryDay>> GetStarDaysAsync(long tenantId, long repositoryId, DateRange range, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(range);
        return db.ReadAsync<IReadOnlyList<StarHistoryDay>>(
            async connection =>
            {
                await db.RequireAsync(connection, null, sql.RepositoryInTenant, c => c.With("repo_id", repositoryId).With("tenant_id", tenantId), "repository", repositoryId, cancellationToken).ConfigureAwait(false);
                using var read = db.Command(connection, sql.Days).With("repo_id", repositoryId).With("from_day", range.From).With("to_day", range.To);
                return await read.ListAsync(StarHistoryRows.DayShape, StarHistoryRows.ReadDay, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    public Task MergeStarDaysAsync(IReadOnlyCollection<StarHistoryDay> days, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(days);
        var rows = days
            .Select(d => d is not null && d.Stars >= 0 && d.Day >= Input.EarliestDay
                ? d
                : throw new ArgumentException($"Star history day {d?.Day:yyyy-MM-dd} of repository {d?.RepositoryId} counts below zero or lies before {Input.EarliestDay:yyyy-MM-dd}.", nameof(days)))
            .GroupBy(d => (d.RepositoryId, d.Day))
            .Select(g => g.MaxBy(d => d.Stars)!)
            .OrderBy(d => d.RepositoryId).ThenBy(d => d.Day)
            .ToList();
        if (rows.Count == 0)
        {
            return Task.CompletedTask;
        }

        return db.WriteAsync(
            async (connection, transaction) =>
            {
                foreach (var repositoryId in rows.Select(d => d.RepositoryId).Distinct())
                {
                    await db.RequireAsync(connection, transaction, sql.RepositoryExists, c => c.With("repo_id", repositoryId), "repository", repositoryId, cancellationToken).ConfigureAwait(false);
                }

                await db.WriteBatchesAsync(connection, transaction, rows, sql.BatchRows(StarHistoryStatements.DayShape), sql.MergeDays, (command, d, i) => command
                    .With($"repo_id_{i}", d.RepositoryId).With($"day_{i}", d.Day).With($"stars_{i}", d.Stars), cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    public Task<bool> RestoreBackfillAsync(StarBackfill backfill, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(backfill);
        if (backfill.State == StarBackfillState.NotStarted || backfill.NextPage < 0 || backfill.StarsRead < 0)
        {
            throw new ArgumentException($"The backfill state of repository {backfill.RepositoryId} is {backfill.State} with page {backfill.NextPage} and {backfill.StarsRead} stars read; a stored state has started and counts from zero.", nameof(backfill));
        }

        var state = backfill with { LimitReason = Input.Optional(backfill.LimitReason, "LimitReason", FieldLimits.StarBackfillLimitReason) };
        return db.WriteAsync(
            async (connection, transaction) =>
            {
                await db.RequireAsync(connection, transaction, sql.RepositoryExists, c => c.With("repo_id", state.RepositoryId), "repository", state.RepositoryId, cancellationToken).ConfigureAwait(false);
                if (await ReadBackfillAsync(connection, transaction, state.RepositoryId, cancellationToken).ConfigureAwait(false) is not null)
                {
                    return false;
                }

                await SaveAsync(connection, transaction, state, isNew: true, cancellationToken).ConfigureAwait(false);
                return true;
            },
            cancellationToken);
    }

    /// <summary>One entry a day: a stored day's count, carried forward over the days no stargazer starred on.</summary>
    private static List<StarHistoryDay> Fill(long repositoryId, DateOnly from, DateOnly through, int carried, List<StarHistoryDay> stored)
    {
        var days = new List<StarHistoryDay>(through.DayNumber - from.DayNumber + 1);
        var next = 0;
        var stars = carried;
        for (var day = from; day <= through; day = day.AddDays(1))
        {
            if (next < stored.Count && stored[next].Day == day)
            {
                stars = stored[next++].Stars;
            }

            days.Add(new StarHistoryDay(repositoryId, day, stars));
        }

        return days;
    }

    private async Task<StarBackfill?> ReadBackfillAsync(DbConnection connection, DbTransaction? transaction, long repositoryId, CancellationToken cancellationToken)
    {
        using var command = db.Command(connection, transaction, sql.GetBackfill).With("repo_id", repositoryId);
        return await command.FirstOrDefaultAsync(StarHistoryRows.BackfillShape, StarHistoryRows.ReadBackfill, cancellationToken).ConfigureAwait(false);
    }

    private async Task SaveAsync(DbConnection connection, DbTransaction transaction, StarBackfill backfill, bool isNew, CancellationToken cancellationToken)
    {
        using var command = db.Command(connection, transaction, isNew ? sql.InsertBackfill : sql.UpdateBackfill)
            .With("repo_id", backfill.RepositoryId).WithEnum("state", backfill.State).With("next_page", backfill.NextPage).With("stars_read", backfill.StarsRead)
            .With("first_star_on", backfill.FirstStarOn).With("known_through", backfill.KnownThrough).With("refused_because", backfill.LimitReason)
            .With("updated_at", backfill.UpdatedAt);
        await command.ExecuteAsync(cancellationToken).ConfigureAwait(false);
    }

    private static DateOnly? Earlier(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static DateOnly? Later(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
