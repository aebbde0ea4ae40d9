using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace GhStats.Testing.GitHub;

/// <summary>
/// Answers one request: authenticate, apply rate limits, inject faults, serve the endpoint, wait out the latency,
/// write GitHub's headers. Decisions are taken on arrival; the request counts as in flight until it is answered.
/// </summary>
internal sealed class GitHubApiHandler(GitHubSimulator simulator, CancellationToken stopping)
{
    private const string RestDocs = "https://docs.github.com/rest";
    private const string TrafficDocs = "https://docs.github.com/rest/metrics/traffic";
    private const string RateLimitDocs = "https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api";
    private const string SecondaryLimitDocs = RateLimitDocs + "#about-secondary-rate-limits";
    private const string PaginationDocs = "https://docs.github.com/v3/#pagination";
    private const string AppTokenDocs = "https://docs.github.com/rest/apps/apps#create-an-installation-access-token-for-an-app";
    private const int DefaultPerPage = 30;
    private const int MaxPerPage = 100;
    private const int AnonymousLimit = 60;
    private const string GraphQLDocs = "https://docs.github.com/graphql";
    private const int MaxGraphQLBody = 4 * 1024 * 1024;

    private readonly GitHubSimulatorOptions _options = simulator.Options;
    private readonly SimulatorStats _stats = simulator.Stats;
    private readonly GitHubFaults _faults = simulator.Faults;
    private readonly TimeProvider _wallClock = simulator.Options.WallClock;
    private long _requestIds;
    private long _arrivals;

    public async Task HandleAsync(HttpContext context)
    {
        _stats.Enter();
        IdentityCounters? counters = null;
        try
        {
            var request = context.Request;
            var route = ApiRoute.Parse(request.Method, request.Path.Value);
            _stats.CountEndpoint(route.Endpoint);
            byte[]? graphQLBody = null;
            if (route.Endpoint == SimulatedEndpoint.GraphQL)
            {
                if (simulator.GraphQLEnabled)
                {
                    graphQLBody = await ReadBodyAsync(request, context.RequestAborted).ConfigureAwait(false);
                }
                else
                {
                    // An Enterprise Server without GraphQL knows no such path.
                    route = route with { Endpoint = SimulatedEndpoint.Unknown };
                }
            }

            var repository = !route.IsRepositoryEndpoint ? null
                : route.Name is not null ? simulator.FindRepository(route.Owner!, route.Name) : simulator.FindRepository(route.RepositoryId);
            var wallNow = _wallClock.GetUtcNow();
            var credential = ReadCredential(request.Headers.Authorization);

            RateDecision rate;
            ApiAnswer answer;
            var identity = Authenticate(route, credential, wallNow, out var authError);
            if (identity is null)
            {
                rate = new RateDecision(RateOutcome.Admitted, AnonymousLimit, AnonymousLimit, 0, (wallNow + TimeSpan.FromHours(1)).ToUnixTimeSeconds());
                answer = Error(401, authError, route.Endpoint == SimulatedEndpoint.InstallationToken ? AppTokenDocs : RestDocs);
            }
            else
            {
                counters = identity.Counters;
                var inFlight = counters.Enter();
                (rate, answer) = Decide(context, route, repository, identity, inFlight, wallNow, graphQLBody);
            }

            var latency = Latency();
            _stats.CountLatency(latency);
            var delay = latency + _faults.ExtraLatency(repository?.FullName);
            if (delay > TimeSpan.Zero)
            {
                // A stopping simulator drops held requests at once instead of waiting out Kestrel's shutdown timeout.
                using var waiting = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
                await Task.Delay(delay, _wallClock, waiting.Token).ConfigureAwait(false);
            }

            await WriteAsync(context, answer, rate, identity?.Scopes, identity?.Hostility?.BodyTrickle ?? TimeSpan.Zero).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested || stopping.IsCancellationRequested)
        {
            // The client went away, or the simulator is stopping, while the request waited out its latency.
            context.Abort();
        }
        finally
        {
            counters?.Exit();
            _stats.Exit();
        }
    }

    private (RateDecision Rate, ApiAnswer Answer) Decide(
        HttpContext context, ApiRoute route, SimulatedRepository? repository, SimulatedIdentity identity, int inFlight, DateTimeOffset wallNow, byte[]? graphQLBody)
    {
        if (route.Endpoint == SimulatedEndpoint.RateLimit)
        {
            // Asking for the rate limit is free on GitHub.
            var current = identity.Window.Peek(wallNow);
            return (current, new ApiAnswer(200, GitHubJson.RateLimit(current)));
        }

        // GraphQL spends points from a window of its own, the query's cost as GitHub calculates it; its secondary limits are shared.
        var graphQL = route.Endpoint == SimulatedEndpoint.GraphQL;
        byte[]? refusal = null;
        var query = graphQL ? GraphQLQuery.Check(graphQLBody ?? [], out refusal) : null;
        var window = graphQL ? identity.GraphQLWindow : identity.Window;
        if (window is null)
        {
            return (identity.Window.Peek(wallNow), Error(401, "A JSON web token could not be used to access GraphQL; use an installation access token.", GraphQLDocs));
        }

        var cost = query?.Cost ?? 1;
        var rate = window.Admit(wallNow, inFlight > _options.MaxConcurrentRequests, cost);
        switch (rate.Outcome)
        {
            case RateOutcome.PrimaryExceeded when graphQL:
                // GitHub answers a spent GraphQL limit with 200 and a RATE_LIMITED error.
                _stats.CountGraphQLRateLimited();
                return (rate, new ApiAnswer(200, GraphQLQuery.RateLimited(identity.RateLimitSubject)));
            case RateOutcome.PrimaryExceeded:
                _stats.CountPrimaryLimitHit();
                return (rate, Error(403, "API rate limit exceeded for " + identity.RateLimitSubject + ".", RateLimitDocs));
            case RateOutcome.SecondaryExceeded:
                _stats.CountSecondaryLimitHit();
                return (rate, Error(
                    403,
                    "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID " + RequestId(context) + ".",
                    SecondaryLimitDocs) with { RetryAfterSeconds = _options.SecondaryRetryAfterSeconds });
        }

        if (identity.Hostility?.Admit(wallNow) is { } hostileRetryAfter)
        {
            // A connection treated as hostile: the secondary limit with a Retry-After far beyond GitHub's usual minute.
            _stats.CountSecondaryLimitHit();
            return (rate, Error(403, "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.", SecondaryLimitDocs) with { RetryAfterSeconds = hostileRetryAfter });
        }

        ApiAnswer answer;
        if (simulator.Misbehaviour.TryTake(context.Request.Path.Value ?? "", out var hostile))
        {
            answer = hostile;
        }
        else if (_faults.TryFail(context.Request.Path.Value ?? "", repository?.FullName, out var faultStatus))
        {
            _stats.CountInjectedFault(faultStatus);
            answer = Fault(faultStatus);
        }
        else if (graphQL)
        {
            answer = new ApiAnswer(200, query?.Execute(simulator, identity, rate, DateTimeOffset.FromUnixTimeSeconds(rate.ResetEpochSeconds)) ?? refusal!);
        }
        else
        {
            answer = Serve(context, route, repository, identity, wallNow);
            if (answer.Status == 200 && IsTagged(route.Endpoint))
            {
                var etag = EntityTag.Of(answer.Body);
                if (EntityTag.Matches(context.Request.Headers.IfNoneMatch, etag))
                {
                    // GitHub: a conditional request answered 304 does not count against the primary rate limit.
                    _stats.CountNotModified(route.Endpoint);
                    return (identity.Window.Refund(), new ApiAnswer(304, [], answer.Link, ETag: etag));
                }

                answer = answer with { ETag = etag };
            }
        }

        if (graphQL)
        {
            _stats.CountGraphQLPoints(cost);
            return (rate, answer);
        }

        _stats.CountCharged();
        return (rate, answer);
    }

    /// <summary>The GET endpoints whose answers GitHub tags with an ETag and answers conditionally.</summary>
    private static bool IsTagged(SimulatedEndpoint endpoint) => endpoint is SimulatedEndpoint.Views or SimulatedEndpoint.Clones
        or SimulatedEndpoint.Referrers or SimulatedEndpoint.Paths or SimulatedEndpoint.Repository or SimulatedEndpoint.OwnerRepositories
        or SimulatedEndpoint.User or SimulatedEndpoint.App or SimulatedEndpoint.Stargazers or SimulatedEndpoint.Releases;

    private SimulatedIdentity? Authenticate(ApiRoute route, string? credential, DateTimeOffset wallNow, out string error)
    {
        if (route.Endpoint is SimulatedEndpoint.InstallationToken or SimulatedEndpoint.App)
        {
            return AppJwt.Validate(credential, wallNow, simulator.FindApp, out error)?.JwtIdentity;
        }

        error = "Bad credentials";
        return credential is not null && simulator.FindToken(credential) is { } identity && identity.IsValidAt(wallNow) ? identity : null;
    }

    private ApiAnswer Serve(HttpContext context, ApiRoute route, SimulatedRepository? repository, SimulatedIdentity identity, DateTimeOffset wallNow)
    {
        switch (route.Endpoint)
        {
            case SimulatedEndpoint.OwnerRepositories:
                return ListRepositories(context, route, identity);
            case SimulatedEndpoint.InstallationToken:
                return IssueToken(route, identity, wallNow);
            case SimulatedEndpoint.User:
                // Installation tokens act for no user; GitHub says so with a 403.
                return identity.Login is null
                    ? Error(403, "Resource not accessible by integration", "https://docs.github.com/rest/users/users#get-the-authenticated-user")
                    : new ApiAnswer(200, GitHubJson.User(identity.Login, identity.UserId ?? 0, Origin(context.Request)));
            case SimulatedEndpoint.App:
                return identity.AppId is { } appId && simulator.FindApp(appId) is { } app
                    ? new ApiAnswer(200, GitHubJson.App(app, Origin(context.Request)))
                    : NotFound();
            case SimulatedEndpoint.Unknown:
            case SimulatedEndpoint.RateLimit:
                return NotFound();
        }

        var canPush = repository is not null && identity.CanPush(repository);
        if (repository is null || (repository.Private && !canPush))
        {
            return NotFound();
        }

        if (route.Endpoint == SimulatedEndpoint.Stargazers)
        {
            // Anyone who can see the repository may list its stargazers; no push access needed.
            return ListStargazers(context, repository, identity);
        }

        if (route.Endpoint == SimulatedEndpoint.Repository)
        {
            return new ApiAnswer(200, GitHubJson.Repository(repository, simulator.OwnerOf(repository), Origin(context.Request), canPush));
        }

        if (route.Endpoint == SimulatedEndpoint.Releases)
        {
            return ListReleases(context, repository, canPush, identity);
        }

        if (!canPush)
        {
            return Error(403, "Must have push access to repository", TrafficDocs);
        }

        var now = simulator.Clock.GetUtcNow();
        switch (route.Endpoint)
        {
            case SimulatedEndpoint.Referrers:
                return new ApiAnswer(200, GitHubJson.Referrers(repository.ReferrersAt(now)));
            case SimulatedEndpoint.Paths:
                return new ApiAnswer(200, GitHubJson.Paths(repository.PathsAt(now)));
        }

        var per = context.Request.Query["per"];
        if (per.Count > 1 || (per.Count == 1 && per[0] is not ("day" or "week")))
        {
            return Error(422, $"Invalid request.\n\n\"{per}\" is not a member of [\"day\", \"week\"].", TrafficDocs);
        }

        var clones = route.Endpoint == SimulatedEndpoint.Clones;
        var (totals, entries) = repository.ServedWindow(now, weekly: per == "week");
        return new ApiAnswer(200, GitHubJson.Traffic(clones ? "clones" : "views", totals, entries, clones));
    }

    private ApiAnswer ListRepositories(HttpContext context, ApiRoute route, SimulatedIdentity identity)
    {
        var owner = simulator.FindOwner(route.Owner!);
        if (owner is null || (route.Organization && owner.Type != SimulatedOwnerType.Organization))
        {
            return NotFound();
        }

        var (perPage, page) = PageAsked(context.Request);

        // Private repositories show only to tokens that can push to them, as they do to non-members on GitHub.
        var visible = owner.Sorted().Where(r => !r.Private || identity.CanPush(r)).ToList();
        var pages = Endless(identity) ? page + 1 : Math.Max(1, (visible.Count + perPage - 1) / perPage);
        var slice = visible.Skip((page - 1) * perPage).Take(perPage);
        var body = GitHubJson.Repositories(slice, owner, Origin(context.Request), identity.CanPush);
        return new ApiAnswer(200, body, PageLinks(context.Request, page, pages));
    }

    private ApiAnswer ListStargazers(HttpContext context, SimulatedRepository repository, SimulatedIdentity identity)
    {
        var (perPage, page) = PageAsked(context.Request);
        var limit = _options.StargazerListLimit;
        var first = (long)(page - 1) * perPage;
        if (first >= limit)
        {
            return Error(422, "In order to keep the API fast for everyone, pagination is limited for this resource. Check the rel=last link relation in the Link response header to see how far back you can traverse.", PaginationDocs);
        }

        var stargazers = repository.Stargazers;
        var reachable = Math.Min(stargazers.Count, limit);
        var pages = Endless(identity) ? page + 1 : Math.Max(1, (reachable + perPage - 1) / perPage);
        var slice = stargazers.Skip((int)first).Take((int)Math.Clamp(reachable - first, 0, perPage));
        var links = PageLinks(context.Request, page, pages);
        if (page == pages && stargazers.Count > reachable)
        {
            // Past the limit the list still names a next page; following it answers 422.
            links = PageLink(context.Request, page + 1, "next") + (links is null ? "" : ", " + links);
        }

        // GitHub adds the dates only when asked for its star media type (either spelling: vnd.github.star+json or vnd.github.v3.star+json).
        var withDates = context.Request.Headers.Accept.Any(a => a is not null && a.Contains("star+json", StringComparison.OrdinalIgnoreCase));
        return new ApiAnswer(200, GitHubJson.Stargazers(slice, Origin(context.Request), withDates), links);
    }

    private ApiAnswer ListReleases(HttpContext context, SimulatedRepository repository, bool canPush, SimulatedIdentity identity)
    {
        var (perPage, page) = PageAsked(context.Request);
        var now = simulator.Clock.GetUtcNow();
        var listed = repository.ListedReleases(now, canPush);
        var pages = Endless(identity) ? page + 1 : Math.Max(1, (listed.Count + perPage - 1) / perPage);
        var body = GitHubJson.Releases(listed.Skip((page - 1) * perPage).Take(perPage), repository, now, Origin(context.Request));
        return new ApiAnswer(200, body, PageLinks(context.Request, page, pages));
    }

    /// <summary>Whether this request's listings never end: for everyone (<see cref="GitHubMisbehaviour.EndlessPages"/>) or for its connection.</summary>
    private bool Endless(SimulatedIdentity identity) => simulator.Misbehaviour.EndlessPages || identity.Hostility?.EndlessPages == true;

    /// <summary>This request's latency: <see cref="GitHubSimulatorOptions.Latency"/>, or drawn up to <see cref="GitHubSimulatorOptions.MaxLatency"/>.</summary>
    private TimeSpan Latency()
    {
        if (_options.MaxLatency is not { } max || max == _options.Latency)
        {
            return _options.Latency;
        }

        var draw = StableHash.Unit(_options.LatencySeed, Interlocked.Increment(ref _arrivals), 31);
        return _options.Latency + ((max - _options.Latency) * draw);
    }

    private ApiAnswer IssueToken(ApiRoute route, SimulatedIdentity appIdentity, DateTimeOffset wallNow)
    {
        var installation = simulator.FindInstallation(route.InstallationId);
        if (installation is null || appIdentity != installation.App.JwtIdentity)
        {
            return NotFound();
        }

        var (token, expiresAt) = simulator.IssueInstallationToken(installation, wallNow);
        return new ApiAnswer(201, GitHubJson.InstallationToken(token, expiresAt));
    }

    private string? PageLinks(HttpRequest request, int page, int pages)
    {
        if (pages <= 1)
        {
            return null;
        }

        var links = new List<string>(4);
        if (page < pages)
        {
            links.Add(PageLink(request, page + 1, "next"));
            links.Add(PageLink(request, pages, "last"));
        }

        if (page > 1)
        {
            links.Add(PageLink(request, 1, "first"));
            links.Add(PageLink(request, Math.Min(page - 1, pages), "prev"));
        }

        return string.Join(", ", links);
    }

    private string PageLink(HttpRequest request, int page, string rel)
    {
        // GitHub's links repeat the request's own query with only the page changed.
        var url = new StringBuilder(simulator.Misbehaviour.PageLinkOrigin?.TrimEnd('/') ?? Origin(request)).Append(request.PathBase).Append(request.Path);
        var separator = '?';
        foreach (var (key, values) in request.Query)
        {
            if (key == "page")
            {
                continue;
            }

            foreach (var value in values)
            {
                url.Append(separator).Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value ?? ""));
                separator = '&';
            }
        }

        url.Append(separator).Append("page=").Append(page.ToString(CultureInfo.InvariantCulture));
        return $"<{url}>; rel=\"{rel}\"";
    }

    private async Task WriteAsync(HttpContext context, ApiAnswer answer, RateDecision rate, IReadOnlyList<string>? oauthScopes, TimeSpan trickle)
    {
        _stats.CountStatus(answer.Status);
        var response = context.Response;
        response.StatusCode = answer.Status;
        var headers = response.Headers;
        var notModified = answer.Status == 304;
        if (!notModified)
        {
            headers.ContentType = answer.ContentType ?? "application/json; charset=utf-8";
        }

        if (answer.ETag is not null)
        {
            // What GitHub sends with every cacheable answer, a 304 included.
            headers.ETag = answer.ETag;
            headers.CacheControl = "private, max-age=60, s-maxage=60";
            headers.Vary = "Accept, Authorization, Cookie, X-GitHub-OTP";
        }
        if (answer.Location is not null)
        {
            headers.Location = answer.Location;
        }

        headers["X-RateLimit-Limit"] = rate.Limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = rate.Remaining.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = rate.ResetEpochSeconds.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Used"] = rate.Used.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Resource"] = rate.Resource;
        headers["X-GitHub-Media-Type"] = "github.v3; format=json";
        headers["X-GitHub-Api-Version-Selected"] = "2022-11-28";
        headers["X-GitHub-Request-Id"] = RequestId(context);
        if (oauthScopes is not null)
        {
            // GitHub names a classic token's scopes on every answer to it; fine-grained and installation tokens get no such header.
            headers["X-OAuth-Scopes"] = string.Join(", ", oauthScopes);
        }

        if (answer.Link is not null)
        {
            headers.Link = answer.Link;
        }

        if (answer.RetryAfterSeconds is { } retryAfter)
        {
            headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        }

        if (notModified)
        {
            // A 304 has no body.
            return;
        }

        if (answer.LeadingWhitespace == 0 || answer.DeclareLength)
        {
            response.ContentLength = answer.LeadingWhitespace + answer.Body.Length;
        }

        if (!HttpMethods.IsHead(context.Request.Method))
        {
            var spaces = new byte[answer.LeadingWhitespace > 0 ? 64 * 1024 : 0];
            Array.Fill(spaces, (byte)' ');
            for (var left = answer.LeadingWhitespace; left > 0; left -= spaces.Length)
            {
                await response.Body.WriteAsync(spaces.AsMemory(0, (int)Math.Min(left, spaces.Length)), context.RequestAborted).ConfigureAwait(false);
            }

            if (trickle > TimeSpan.Zero && answer.Body.Length > 0)
            {
                await TrickleAsync(context, answer.Body, trickle).ConfigureAwait(false);
            }
            else
            {
                await response.Body.WriteAsync(answer.Body, context.RequestAborted).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The headers at once, then the body in 16 pieces spread over <paramref name="trickle"/>: a slow body, not a slow answer.</summary>
    private async Task TrickleAsync(HttpContext context, byte[] body, TimeSpan trickle)
    {
        const int Pieces = 16;
        var response = context.Response;
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        await response.StartAsync(waiting.Token).ConfigureAwait(false);
        await response.Body.FlushAsync(waiting.Token).ConfigureAwait(false);
        var piece = (body.Length + Pieces - 1) / Pieces;
        for (var offset = 0; offset < body.Length; offset += piece)
        {
            await Task.Delay(trickle / Pieces, _wallClock, waiting.Token).ConfigureAwait(false);
            await response.Body.WriteAsync(body.AsMemory(offset, Math.Min(piece, body.Length - offset)), waiting.Token).ConfigureAwait(false);
            await response.Body.FlushAsync(waiting.Token).ConfigureAwait(false);
        }
    }

    private string RequestId(HttpContext context)
    {
        // One id per request, made on first use, so the secondary-limit message and the header agree.
        if (context.Items.TryGetValue(typeof(GitHubApiHandler), out var id) && id is string text)
        {
            return text;
        }

        text = "SIM:" + Interlocked.Increment(ref _requestIds).ToString("X8", CultureInfo.InvariantCulture);
        context.Items[typeof(GitHubApiHandler)] = text;
        return text;
    }

    /// <summary>A GraphQL request's body, at most 4 MB (more is cut, and so fails to parse).</summary>
    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while (body.Length < MaxGraphQLBody && (read = await request.Body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            body.Write(buffer, 0, read);
        }

        return body.ToArray();
    }

    private string? ReadCredential(StringValues authorization)
    {
        if (authorization.Count == 0 || string.IsNullOrEmpty(authorization[0]))
        {
            _stats.CountScheme("(none)");
            return null;
        }

        // "token X" and "Bearer X" both work on GitHub; the scheme is case-insensitive.
        var value = authorization[0]!.AsSpan().Trim();
        var space = value.IndexOf(' ');
        var scheme = space < 0 ? value : value[..space];
        _stats.CountScheme(scheme);
        if (space < 0 || !(scheme.Equals("token", StringComparison.OrdinalIgnoreCase) || scheme.Equals("bearer", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        return value[(space + 1)..].Trim().ToString();
    }

    /// <summary>The page a listing asked for: GitHub's <c>per_page</c> (default 30, at most 100) and <c>page</c> (from 1).</summary>
    private static (int PerPage, int Page) PageAsked(HttpRequest request) =>
        (Math.Clamp(ReadInt(request.Query["per_page"], DefaultPerPage), 1, MaxPerPage), Math.Max(1, ReadInt(request.Query["page"], 1)));

    private static int ReadInt(StringValues values, int fallback) =>
        values.Count == 1 && int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : fallback;

    private static string Origin(HttpRequest request) => request.Scheme + "://" + request.Host.Value;

    private static ApiAnswer NotFound() => Error(404, "Not Found", RestDocs);

    private static ApiAnswer Error(int status, string message, string documentationUrl) =>
        new(status, GitHubJson.Error(message, documentationUrl, status));

    private static ApiAnswer Fault(int status)
    {
        var message = status switch
        {
            500 => "Server Error",
            504 => "We couldn't respond to your request in time. Sorry about that. Please try resubmitting your request and contact us if the problem persists.",
            _ => ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Server Error",
        };
        return Error(status, message, RestDocs);
    }
}
