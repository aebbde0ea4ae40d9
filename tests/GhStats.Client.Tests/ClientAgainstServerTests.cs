using System.Globalization;
using System.Reflection;
using GhStats.Client.Models;
using GhStats.Client.Tests.Harness;
using SystemRole = GhStats.Domain.SystemRole;
using GhStats.Testing;
using GhStats.Testing.GitHub;
using Refit;
using Shouldly;
using Xunit;

namespace GhStats.Client.Tests;

/// <summary>
/// Every client method against the real server: an admin's personal API token, minted by GhStatsAdministration,
/// makes a tenant, a GitHub connection to the simulator, tracks repositories, collects, and reads back exactly what
/// the simulator served and what was seeded. The test fails if any client method goes uncalled.
/// </summary>
public sealed class ClientAgainstServerTests
{
    private static readonly TimeSpan RunDeadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task EveryClientMethod_AnswersWithWhatTheServerHolds()
    {
        await using var simulator = await GitHubSimulator.StartAsync();
        var now = simulator.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var simulated = simulator.AddRepository("octo", "e2e", seed: 42);
        var gitHubToken = simulator.AddToken(canPushTo: "octo/e2e");
        await using var server = await GhStatsServer.StartAsync(clock: new CalendarClock(now));
        var admin = await server.CreateUserAsync("admin@contract.example", SystemRole.Admin);
        var (client, recorder) = RecordingClient.Wrap(server.ClientFor(admin));
        using var disposing = client;

        // The caller and tokens.
        var me = await client.GetMeAsync();
        me.Id.ShouldBe(admin.Id);
        me.Email.ShouldBe(admin.Email);
        me.SystemRoles.ShouldBe(["admin"]);
        me.AntiforgeryToken.ShouldBeNull("a token caller needs no antiforgery token");
        me.Language.ShouldBeNull();
        (await client.SetLanguageAsync(new SetLanguageRequest("pt-br"))).ShouldBe(new UserLanguage("pt-BR"));
        (await client.GetMeAsync()).Language.ShouldBe("pt-BR");
        (await Should.ThrowAsync<GhStatsApiException>(() => client.SetLanguageAsync(new SetLanguageRequest("klingon")))).Status.ShouldBe(400);
        (await client.SetLanguageAsync(new SetLanguageRequest(null))).Language.ShouldBeNull();
        (await client.ListTokensAsync()).ShouldContain(t => t.Id == admin.TokenId && t.Name == "contract test" && t.RevokedAt == null);
        var minting = await Should.ThrowAsync<GhStatsApiException>(() => client.CreateTokenAsync(new CreateTokenRequest("from a token")));
        minting.Status.ShouldBe(403, "a token cannot mint another token");
        minting.Detail.ShouldNotBeNull().ShouldContain("signed-in session");
        var spare = await server.Administration.CreateApiTokenAsync(admin.Id, "spare", 1);
        await client.RevokeTokenAsync(spare.Token.Id);
        (await client.ListTokensAsync()).Single(t => t.Id == spare.Token.Id).RevokedAt.ShouldNotBeNull();

        // Tenants and members.
        var acme = await client.CreateTenantAsync(new CreateTenantRequest("acme", "Acme"));
        acme.Slug.ShouldBe("acme");
        (await client.SetMemberAsync("acme", admin.Email, new SetMemberRequest("owner"))).ShouldBe(new MembershipChange(admin.Email, "owner", "member"));
        (await client.SetMemberAsync("acme", "invitee@contract.example", new SetMemberRequest("viewer"))).Status.ShouldBe("invited");
        (await client.UpdateTenantAsync("acme", new UpdateTenantRequest("Acme Corp"))).Name.ShouldBe("Acme Corp");
        var fetched = await client.GetTenantAsync("acme");
        (fetched.Name, fetched.Role).ShouldBe(("Acme Corp", "owner"));
        var members = await client.ListMembersAsync("acme");
        members.Members.ShouldHaveSingleItem().ShouldBe(new TenantMember(admin.Id, admin.Email, null, "owner"));
        members.Invitations.ShouldHaveSingleItem().Email.ShouldBe("invitee@contract.example");
        await client.RemoveMemberAsync("acme", "invitee@contract.example");
        (await client.ListMembersAsync("acme")).Invitations.ShouldBeEmpty();
        await client.CreateTenantAsync(new CreateTenantRequest("scratch", "Scratch"));
        (await client.ListTenantsAsync()).Select(t => t.Slug).ShouldBe(["acme", "scratch"], ignoreOrder: true);
        await client.DeleteTenantAsync("scratch");
        (await Should.ThrowAsync<GhStatsApiException>(() => client.GetTenantAsync("scratch"))).Status.ShouldBe(404);

        // Connections: secrets go in and never come back.
        var connection = await client.CreateConnectionAsync("acme", CreateConnectionRequest.PersonalAccessToken(gitHubToken, "simulator", simulator.BaseAddress));
        (connection.Name, connection.Kind, connection.ApiBaseUrl).ShouldBe(("simulator", "pat", simulator.BaseAddress.TrimEnd('/')));
        var app = await client.CreateConnectionAsync("acme", CreateConnectionRequest.App(1234, 5678, "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----", "spare app"));
        (app.Kind, app.AppId, app.InstallationId).ShouldBe(("app", 1234L, 5678L));
        await client.DeleteConnectionAsync("acme", app.Id);
        (await client.ListConnectionsAsync("acme")).ShouldHaveSingleItem().Id.ShouldBe(connection.Id);

        // Repositories.
        var e2e = await client.TrackRepositoryAsync(new TrackRepositoryRequest("acme", "octo/e2e", connection.Id));
        (e2e.Tenant, e2e.Owner, e2e.Name, e2e.ConnectionId).ShouldBe(("acme", "octo", "e2e", (long?)connection.Id));
        var seeded = await client.TrackRepositoryAsync(new TrackRepositoryRequest("acme", "octo/seeded"));
        (await client.GetRepositoryAsync(e2e.Id)).FullName.ShouldBe("octo/e2e");
        (await client.ListRepositoriesAsync("acme")).Select(r => r.FullName).ShouldBe(["octo/e2e", "octo/seeded"], ignoreOrder: true);
        e2e.BadgesEnabled.ShouldBeFalse("badges are off until an owner turns them on");
        (await client.SetRepositoryBadgesAsync(e2e.Id, new SetBadgesRequest(true))).BadgesEnabled.ShouldBeTrue();
        (await client.GetRepositoryAsync(e2e.Id)).BadgesEnabled.ShouldBeTrue();
        (await client.SetRepositoryBadgesAsync(e2e.Id, new SetBadgesRequest(false))).BadgesEnabled.ShouldBeFalse();
        (await client.ListRepositoriesAsync("acme")).ShouldAllBe(r => !r.BadgesEnabled);

        // Public dashboards: made, changed, taken down and deleted through the SDK.
        var dashboard = await client.CreateDashboardAsync("acme", new SetDashboardRequest("Octo in public", [e2e.Id], ShowReferrers: true, FrameOrigins: ["https://docs.example.com"]));
        (dashboard.Title, dashboard.Published, dashboard.ShowReferrers, dashboard.Path).ShouldBe(("Octo in public", true, true, $"/p/{dashboard.Slug}"));
        dashboard.FrameOrigins.ShouldBe(["https://docs.example.com"]);
        (await client.UpdateDashboardAsync("acme", dashboard.Id, new SetDashboardRequest("Renamed", [e2e.Id, seeded.Id]))).RepositoryIds.Count.ShouldBe(2);
        (await client.PublishDashboardAsync("acme", dashboard.Id, new PublishDashboardRequest(false))).Published.ShouldBeFalse();
        (await client.GetDashboardAsync("acme", dashboard.Id)).Published.ShouldBeFalse();
        (await client.ListDashboardsAsync("acme")).ShouldHaveSingleItem().Title.ShouldBe("Renamed");
        (await Should.ThrowAsync<GhStatsApiException>(() => client.CreateDashboardAsync("acme", new SetDashboardRequest("Nothing", [])))).Status.ShouldBe(400);
        await client.DeleteDashboardAsync("acme", dashboard.Id);
        (await client.ListDashboardsAsync("acme")).ShouldBeEmpty();

        // The connection's test reads traffic of the repository tracked through it.
        var check = await client.TestConnectionAsync("acme", connection.Id);
        (check.ConnectionId, check.Ok, check.Reachable, check.CredentialsAccepted).ShouldBe((connection.Id, true, true, (bool?)true), $"{check}");
        check.Traffic.ShouldBe(new TrafficAccess(true, "octo/e2e", 200));
        check.Findings.ShouldBeEmpty();

        // Owners tracked as a whole; removed again before collecting, so the run covers the two repositories above.
        var owner = await client.TrackOwnerAsync("acme", new TrackOwnerRequest("octo", connection.Id, Include: "e2e*", SkipForks: false));
        (owner.Owner, owner.ConnectionId, owner.Include, owner.Exclude, owner.SkipForks, owner.SkipArchived).ShouldBe(("octo", (long?)connection.Id, "e2e*", (string?)null, false, true));
        (await client.ListOwnersAsync("acme")).ShouldHaveSingleItem().Id.ShouldBe(owner.Id);
        await client.RemoveOwnerAsync("acme", owner.Id);
        (await client.ListOwnersAsync("acme")).ShouldBeEmpty();

        // Collection: octo/e2e comes from the simulator; octo/seeded is unknown there and fails with its reason.
        var started = await client.CollectAsync(new CollectRequest("acme"));
        (started.Trigger, started.TenantId).ShouldBe(("manual", (long?)acme.Id));
        var run = await WaitForEndAsync(client, started.Id);
        (run.Status, run.ReposOk, run.ReposFailed).ShouldBe(("completedWithErrors", 1, 1), $"{run}");
        var error = run.Errors.ShouldNotBeNull().ShouldHaveSingleItem();
        (error.RepoId, error.Repository, error.Kind).ShouldBe(((long?)seeded.Id, "octo/seeded", "notFound"));
        (await client.ListRunsAsync(limit: 10)).ShouldContain(r => r.Id == run.Id && r.Errors == null);

        // The plan: the run just made is the day's one; both repositories go through the one connection (seeded names none).
        var plan = await client.GetCollectionPlanAsync("acme");
        (plan.RunsPerDay, plan.RunsPerDaySource, plan.NextDay, plan.RepositoriesWithoutConnection).ShouldBe((1, RunsPerDaySources.RecentRuns, today.AddDays(1), 0));
        var connectionPlan = plan.Connections.ShouldHaveSingleItem();
        (connectionPlan.ConnectionId, connectionPlan.Name, connectionPlan.Repositories, connectionPlan.HourlyLimit).ShouldBe((connection.Id, "simulator", 2, 5_000));
        (connectionPlan.CountersByGraphQL, connectionPlan.CallsPerRepositoryPerDay, connectionPlan.DailyBudget, connectionPlan.NextDayFits).ShouldBe((true, 5, 120_000L, true));
        connectionPlan.NextDayCalls.ShouldBe(plan.NextDayReadsWeekly ? 14L : 10L);
        plan.NextDayReadsWeekly.ShouldBe(today.AddDays(1).DayOfWeek == DayOfWeek.Monday);

        // Horizon: e2e was read today; seeded never was, but was added today, so both are fine.
        (await client.GetRepositoryAsync(e2e.Id)).Horizon.ShouldBe(new RepositoryHorizon(HorizonState.Fine, today, 0));
        (await client.GetRepositoryAsync(seeded.Id)).Horizon.ShouldBe(new RepositoryHorizon(HorizonState.Fine, null, 0));
        var horizon = await client.GetHorizonAsync("acme");
        (horizon.AtRiskAfterDays, horizon.Fine, horizon.AtRisk, horizon.LosingDays).ShouldBe((7, 2, 0, 0));
        horizon.Repositories.ShouldBeEmpty();

        // Traffic: what the simulator served, and what was seeded.
        var lastSeeded = today.AddDays(-1);
        var seededDays = await server.SeedTrafficAsync(seeded.Id, lastSeeded);
        var from = today.AddDays(-13);
        var served = simulated.ServedDays(now).Where(d => d.Views > 0 || d.Clones > 0).ToList();
        served.Count.ShouldBeGreaterThan(5, "the simulator should serve some traffic for this seed");
        var series = await client.GetTrafficAsync(e2e.Id, from, today);
        series.Per.ShouldBe("day");
        // One read proves the whole window: every day, the days GitHub left out as zeros, its edges partial.
        var servedByDay = served.ToDictionary(d => d.Start);
        series.Points.ShouldBe(Enumerable.Range(0, 14).Select(i => from.AddDays(i)).Select(d => servedByDay.TryGetValue(d, out var t)
            ? new TrafficPoint(d, t.Views, t.UniqueViews, t.Clones, t.UniqueClones, Coverage: d == from || d == today ? DayCoverage.Partial : DayCoverage.Complete)
            : new TrafficPoint(d, 0, 0, 0, 0, Coverage: DayCoverage.Complete)));
        series.Totals.Views.ShouldBe(served.Sum(d => d.Views));
        (await client.GetTrafficAsync(e2e.Id, from, today, TrafficPeriod.Week)).Per.ShouldBe("week");
        var seededSeries = await client.GetTrafficAsync(seeded.Id, lastSeeded.AddDays(-6), lastSeeded);
        seededSeries.Points.Select(p => p.Views).ShouldBe([10L, 11, 12, 13, 14, 15, 16]);
        seededSeries.Totals.ShouldBe(new TrafficTotals(Views: 91, Clones: 35, PeakDailyUniqueViews: 7, PeakDailyUniqueClones: 1, DaysWithData: 7, Days: 7, KnownDays: 7, PartialDays: 7));
        seededSeries.Points.ShouldAllBe(p => p.Coverage == DayCoverage.Partial, "seeded without a window read: lower bounds");

        var referrers = await client.GetReferrersAsync(e2e.Id, from, today);
        var simulatedReferrers = simulated.ReferrersAt(now);
        referrers.History.Select(r => (r.CapturedOn, r.Referrer, r.Views))
            .ShouldBe(simulatedReferrers.Select(r => (today, r.Referrer, r.Count)), ignoreOrder: true);
        referrers.Top.Select(r => r.Views).ShouldBe(simulatedReferrers.Select(r => r.Count).OrderByDescending(c => c));
        var paths = await client.GetPathsAsync(e2e.Id, from, today);
        paths.History.Select(p => (p.Path, p.Title, p.Views)).ShouldBe(simulated.PathsAt(now).Select(p => (p.Path, p.Title, p.Count)), ignoreOrder: true);
        var stats = await client.GetStatsAsync(e2e.Id, from, today);
        stats.Points.ShouldHaveSingleItem().ShouldBe(new RepositoryStatsPoint(today, simulated.Stars, simulated.Forks, simulated.Watchers, simulated.OpenIssues, simulated.SizeKb));
        // Stars before tracking: backfilled from the simulator's stargazers, a lower bound up to the first collected day.
        var starHistory = await client.GetStarHistoryAsync(e2e.Id, from, today);
        (starHistory.RepoId, starHistory.LowerBound, starHistory.TrackingFrom).ShouldBe((e2e.Id, true, (DateOnly?)today));

        var summary = await client.GetSummaryAsync("acme", from, today);
        var seededRow = summary.Repositories.Single(r => r.RepoId == seeded.Id);
        (seededRow.Views, seededRow.Clones, seededRow.PeakDailyUniqueViews, seededRow.DaysWithData).ShouldBe((91L, 35L, 7L, 7));
        summary.Repositories.Single(r => r.RepoId == e2e.Id).Stars.ShouldBe(simulated.Stars);
        seededRow.Previous.ShouldNotBeNull().State.ShouldBe("previousIncomplete", "nothing was known before the seeded days");
        (summary.Matching, summary.Limit, summary.Totals?.Repositories).ShouldBe((2, (int?)null, (int?)2));

        // A page of the summary, sorted and filtered on the server; the count and totals cover every matching row.
        var top = summary.Repositories.OrderByDescending(r => r.Views).ThenBy(r => r.FullName, StringComparer.OrdinalIgnoreCase).First();
        var page = await client.GetSummaryAsync("acme", from, today, SummarySort.Views, SortOrder.Descending, offset: 0, limit: 1, name: "octo/");
        page.Repositories.ShouldHaveSingleItem().RepoId.ShouldBe(top.RepoId);
        (page.Matching, page.Offset, page.Limit, page.Sort, page.Order).ShouldBe((2, 0, (int?)1, "views", "desc"));
        page.Totals.ShouldNotBeNull().Views.ShouldBe(summary.Repositories.Sum(r => r.Views));
        var second = await client.GetSummaryAsync("acme", from, today, SummarySort.Views, SortOrder.Descending, offset: 1, limit: 1);
        second.Repositories.ShouldHaveSingleItem().RepoId.ShouldNotBe(top.RepoId);
        var filtered = await client.GetSummaryAsync("acme", from, today, SummarySort.Name, name: "E2E");
        filtered.Repositories.ShouldHaveSingleItem().FullName.ShouldBe("octo/e2e");
        (filtered.Matching, filtered.Order).ShouldBe((1, "asc"));
        (await Should.ThrowAsync<GhStatsApiException>(() => client.GetSummaryAsync("acme", limit: 201))).Status.ShouldBe(400);

        // Compare and the tenant view: values side by side, each normalised to its own first week; views summed per tenant.
        var compared = await client.CompareAsync("acme", $"{seeded.Id},{e2e.Id}", "views", lastSeeded.AddDays(-6), lastSeeded);
        compared.Repositories.Select(r => r.FullName).ShouldBe(["octo/seeded", "octo/e2e"]);
        compared.Repositories[0].Points.Select(p => p.Value ?? -1).ShouldBe([10L, 11, 12, 13, 14, 15, 16]);
        compared.Repositories[0].Baseline.Mean.ShouldBe(13);
        compared.Repositories[0].Points[0].Normalised.ShouldBe(Math.Round(10 / 13.0, 4));
        var tenantTraffic = await client.GetTenantTrafficAsync("acme", from, today);
        (tenantTraffic.Repositories, tenantTraffic.Points.Count).ShouldBe((2, 14));
        tenantTraffic.Totals.Views.ShouldBe(summary.Repositories.Sum(r => r.Views));

        // CSV exports, read as streams.
        var seededCsv = await ReadLinesAsync(await client.ExportTrafficCsvAsync(seeded.Id, lastSeeded.AddDays(-6), lastSeeded));
        seededCsv.ShouldBe(["repository,date,coverage,views,unique_views,clones,unique_clones", .. seededDays.Select(d => $"octo/seeded,{Day(d.Day)},partial,{d.Views},{d.UniqueViews},{d.Clones},{d.UniqueClones}")]);
        var tenantCsv = await ReadLinesAsync(await client.ExportTenantTrafficCsvAsync("acme", from, today));
        tenantCsv[0].ShouldBe("tenant,repository,date,coverage,views,unique_views,clones,unique_clones");
        tenantCsv.Count(l => l.StartsWith("acme,octo/seeded,", StringComparison.Ordinal)).ShouldBe(14, "every day of the range");
        tenantCsv.Count(l => l.StartsWith("acme,octo/seeded,", StringComparison.Ordinal) && l.Contains(",partial,", StringComparison.Ordinal)).ShouldBe(7);
        tenantCsv.Count(l => l.StartsWith("acme,octo/e2e,", StringComparison.Ordinal)).ShouldBe(14, "every day of the range, zero days included");
        tenantCsv.ShouldNotContain(l => l.StartsWith("acme,octo/e2e,", StringComparison.Ordinal) && l.Contains("notCollected", StringComparison.Ordinal));
        var referrersCsv = await ReadLinesAsync(await client.ExportReferrersCsvAsync(e2e.Id, from, today));
        referrersCsv.Length.ShouldBe(1 + simulatedReferrers.Count);
        var pathsCsv = await ReadLinesAsync(await client.ExportPathsCsvAsync(e2e.Id, from, today));
        pathsCsv[0].ShouldBe("repository,captured_on,path,title,views,unique_views");
        pathsCsv.Length.ShouldBe(1 + paths.History.Count);

        // Releases, read once by the collection: the simulator's published releases (no draft), their counts as the total, today the baseline.
        var releases = await client.GetReleasesAsync(e2e.Id);
        var simulatedReleases = simulated.Releases.Where(r => !r.Draft && r.PublishedAt <= now).ToList();
        releases.Releases.Select(r => r.Id).ShouldBe(simulatedReleases.Select(r => r.Id), ignoreOrder: true);
        releases.TotalDownloads.ShouldBe(simulatedReleases.Sum(r => r.Assets.Sum(a => a.DownloadCountAt(now))));
        releases.LastReadOn.ShouldBe(today);
        var downloads = await client.GetDownloadsAsync(e2e.Id, today.AddDays(-1), today);
        downloads.Points.Select(p => (p.Date, p.Read, p.Downloads)).ShouldBe([(today.AddDays(-1), false, (long?)null), (today, true, 0L)]);
        var downloadsCsv = await ReadLinesAsync(await client.ExportDownloadsCsvAsync(e2e.Id, today, today));
        downloadsCsv.ShouldBe(["repository,date,read,release,downloads,days", $"octo/e2e,{Day(today)},yes,,0,1"]);
        // Chart markers: a note on the repository, one on the whole tenant; both mark the repository's charts, as CSV too.
        var launch = await client.AddRepositoryAnnotationAsync(e2e.Id, new CreateAnnotationRequest(Day(today.AddDays(-1)), "Launch post\nwith a demo", "https://blog.contract.example/launch"));
        (launch.Kind, launch.Title, launch.Scope, launch.Date).ShouldBe(("note", "Launch post", "repository", today.AddDays(-1)));
        var freeze = await client.AddTenantAnnotationAsync("acme", new CreateAnnotationRequest(Day(today.AddDays(-3)), "Release freeze"));
        (await client.ListRepositoryMarkersAsync(e2e.Id, from, today)).Items.ShouldBe([freeze, launch]);
        (await client.ListTenantAnnotationsAsync("acme", from, today)).Items.ShouldBe([freeze]);
        // The quoted text keeps its line break, so it reads as two lines here.
        var markersCsv = await ReadLinesAsync(await client.ExportAnnotationsCsvAsync(e2e.Id, from, today));
        markersCsv.ShouldBe(["repository,date,kind,scope,title,text,link,id", $"octo/e2e,{Day(today.AddDays(-3))},note,tenant,Release freeze,Release freeze,,{freeze.Id}",
            $"octo/e2e,{Day(today.AddDays(-1))},note,repository,Launch post,\"Launch post", $"with a demo\",https://blog.contract.example/launch,{launch.Id}"]);
        var badNote = await Should.ThrowAsync<GhStatsApiException>(() => client.AddTenantAnnotationAsync("acme", new CreateAnnotationRequest(Day(today), "x", "javascript:alert(1)")));
        badNote.Status.ShouldBe(400);
        await client.DeleteAnnotationAsync("acme", freeze.Id!.Value);
        (await client.ListRepositoryMarkersAsync(e2e.Id, from, today)).Items.ShouldBe([launch]);

        // Notifications: channels (the URL never comes back, a webhook's signing secret once), the delivery log, the test
        // action (this server has no AddNotifications(), so it says so), and the caller's own email subscriptions.
        var hook = await client.CreateChannelAsync("acme", CreateChannelRequest.Webhook("hook", "https://hooks.contract.example/in/s3cret-path", "digest", "trouble"));
        (hook.Kind, hook.Target).ShouldBe(("webhook", "hooks.contract.example"));
        hook.Topics.ShouldBe(["digest", "trouble"]);
        hook.SigningSecret.ShouldNotBeNull().ShouldStartWith("whsec_");
        hook.ToString().ShouldNotContain(hook.SigningSecret);
        var mail = await client.CreateChannelAsync("acme", CreateChannelRequest.Email("mail", ["ops@contract.example"], "spike") with { Language = "ja" });
        mail.Language.ShouldBe("ja");
        (mail.Target, mail.SigningSecret).ShouldBe(("ops@contract.example", (string?)null));
        var invalid = await Should.ThrowAsync<GhStatsApiException>(() => client.CreateChannelAsync("acme", CreateChannelRequest.Slack("slack", "https://example.com/not-slack", "spike")));
        (invalid.Status, invalid.Detail).ShouldBe((400, "url of a Slack channel must be a Slack incoming webhook on hooks.slack.com."));
        (await Should.ThrowAsync<GhStatsApiException>(() => client.CreateChannelAsync("acme", CreateChannelRequest.Email("mail", ["x@contract.example"], "spike")))).Status.ShouldBe(409);
        var channels = await client.ListChannelsAsync("acme");
        channels.Select(c => (c.Name, c.Target)).ShouldBe([("hook", "hooks.contract.example"), ("mail", "ops@contract.example")], ignoreOrder: true);
        channels.ShouldAllBe(c => c.CreatedBy == admin.Email);
        var untested = await Should.ThrowAsync<GhStatsApiException>(() => client.TestChannelAsync("acme", hook.Id));
        untested.Status.ShouldBe(501);
        untested.Detail.ShouldNotBeNull().ShouldContain("AddNotifications()");
        var notifications = server.Get<GhStats.Stores.INotificationStore>();
        await notifications.RaiseAsync(new GhStats.Domain.NotificationEvent(Guid.NewGuid(), acme.Id, "channel.test", GhStats.Domain.NotificationTopics.Digest, $"test:{hook.Id}:contract", "{}", now, ChannelId: hook.Id));
        foreach (var message in await notifications.ClaimDueAsync("contract", 10, now.AddYears(1)))
        {
            await notifications.RecordAttemptAsync(message.Id, new GhStats.Domain.NotificationAttempt(true, "HTTP 204", null));
        }

        var deliveries = await client.ListDeliveriesAsync("acme", limit: 10);
        var delivered = deliveries.Deliveries.ShouldHaveSingleItem();
        (delivered.ChannelId, delivered.ChannelName, delivered.Event, delivered.Attempt, delivered.Succeeded, delivered.Outcome, delivered.WillRetry)
            .ShouldBe(((long?)hook.Id, "hook", "channel.test", 1, true, "HTTP 204", false));
        deliveries.NextBefore.ShouldBeNull();
        (await client.ListChannelDeliveriesAsync("acme", hook.Id, limit: 1)).NextBefore.ShouldBe(delivered.Id);
        (await client.ListChannelDeliveriesAsync("acme", mail.Id)).Deliveries.ShouldBeEmpty();
        await client.DeleteChannelAsync("acme", mail.Id);
        (await client.ListChannelsAsync("acme")).ShouldHaveSingleItem().Id.ShouldBe(hook.Id);
        (await client.SetSubscriptionAsync("acme", new SetSubscriptionRequest(["trouble", "digest"]))).ShouldBe(new NotificationSubscription("acme", "Acme Corp", ["digest", "trouble"]), new SubscriptionComparer());
        (await client.ListSubscriptionsAsync()).ShouldHaveSingleItem().Topics.ShouldBe(["digest", "trouble"]);
        (await client.SetSubscriptionAsync("acme", new SetSubscriptionRequest([]))).Topics.ShouldBeEmpty();
        (await Should.ThrowAsync<GhStatsApiException>(() => client.SetSubscriptionAsync("nowhere", new SetSubscriptionRequest(["digest"])))).Status.ShouldBe(404);

        // Untracking.
        await client.RemoveRepositoryAsync(seeded.Id, purge: true);
        (await client.ListRepositoriesAsync()).ShouldHaveSingleItem().Id.ShouldBe(e2e.Id);

        // The audit log of what this test changed: newest first, in pages, one tenant's or all.
        var log = await client.ListAuditAsync(limit: 200);
        log.Entries[0].Action.ShouldBe("repository.purged");
        log.Entries[0].TargetName.ShouldBe("octo/seeded");
        log.Entries.Select(e => e.Action).ShouldContain("tenant.deleted");
        log.Entries.ShouldAllBe(e => e.Actor == $"{admin.Email} (API token {admin.TokenId})" && e.ActorKind == "apiToken");
        var acmeLog = await client.ListTenantAuditAsync("acme", from: today.AddDays(-1), through: today.AddDays(1), action: "connection.", limit: 1);
        acmeLog.Entries.ShouldHaveSingleItem().Action.ShouldBe("connection.deleted");
        (await client.ListTenantAuditAsync("acme", action: "connection.", before: acmeLog.NextBefore)).Entries.Select(e => e.TargetName).ShouldBe(["spare app", "simulator"]);
        (await client.ListAuditAsync(tenant: "acme", actor: "ADMIN@contract", limit: 200)).Entries.ShouldAllBe(e => e.Tenant == "acme");
        var auditCsv = await ReadLinesAsync(await client.ExportAuditCsvAsync(action: "tenant."));
        auditCsv[0].ShouldBe("id,occurred_at,tenant,actor_kind,actor,action,target_kind,target_id,target_name,details,client_address");
        auditCsv.Skip(1).Count(l => l.Contains(",tenant.created,", StringComparison.Ordinal)).ShouldBe(2);
        (await ReadLinesAsync(await client.ExportTenantAuditCsvAsync("acme", actor: "admin@"))).Skip(1).ShouldAllBe(l => l.Contains(",acme,", StringComparison.Ordinal));

        // Imports, restores and exports run as jobs with fixtures of their own: TransferClientTests calls every one of those.
        var everyMethod = typeof(IGhStatsClient).GetInterfaces().Where(i => i != typeof(IGhStatsTransfers)).SelectMany(i => i.GetMethods())
            .Where(m => m.GetCustomAttribute<HttpMethodAttribute>() is not null).Select(Name);
        everyMethod.Except(recorder.Called.Select(Name)).ShouldBeEmpty("every client method is called against the real server");
    }

    private static async Task<CollectionRun> WaitForEndAsync(IGhStatsClient client, long runId)
    {
        var deadline = DateTime.UtcNow + RunDeadline;
        while (true)
        {
            var run = await client.GetRunAsync(runId);
            if (run.Status != "running" || DateTime.UtcNow > deadline)
            {
                return run;
            }

            await Task.Delay(50);
        }
    }

    private static async Task<string[]> ReadLinesAsync(Stream csv)
    {
        await using (csv)
        using (var reader = new StreamReader(csv))
        {
            return (await reader.ReadToEndAsync()).Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        }
    }

    /// <summary>Subscriptions compared by value, their topic lists by content.</summary>
    private sealed class SubscriptionComparer : IEqualityComparer<NotificationSubscription>
    {
        public bool Equals(NotificationSubscription? x, NotificationSubscription? y) =>
            x is not null && y is not null && x.Tenant == y.Tenant && x.TenantName == y.TenantName && x.Topics.SequenceEqual(y.Topics);

        public int GetHashCode(NotificationSubscription obj) => obj.Tenant.GetHashCode(StringComparison.Ordinal);
    }

    private static string Name(MethodInfo method) => $"{method.DeclaringType!.Name}.{method.Name}";

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
