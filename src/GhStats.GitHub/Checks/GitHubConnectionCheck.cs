using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using GhStats.Domain;
using GhStats.GitHub.Client;
using GhStats.GitHub.Collection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Octokit;

namespace GhStats.GitHub.Checks;

/// <summary>
/// Asks GitHub what a connection can do, through the collector's own session factory (so GitHub Enterprise addresses,
/// Apps and pacing apply): who it is (<c>GET /user</c> for a token, <c>GET /app</c> for an App), a classic token's scopes,
/// the core rate limit (<c>GET /rate_limit</c>), and whether traffic can be read (<c>GET /repos/{o}/{r}/traffic/views</c>).
/// Retries are few and the whole check is bounded, so a GitHub that is down answers in seconds.
/// </summary>
internal sealed partial class GitHubConnectionCheck(
    GitHubSessionFactory sessions,
    IOptions<GitHubCollectorOptions> options,
    TimeProvider clock,
    ILogger<GitHubConnectionCheck> logger) : IGitHubConnectionCheck
{
    /// <summary>The longest a check takes, whatever GitHub does.</summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(15);

    /// <summary>Repositories tried at most: one that answers is enough, a few cover a deleted repository or two.</summary>
    public const int MaxRepositoriesTried = 3;

    private const string PushAccessNeeded =
        "needs push access: classic token scope 'repo' or 'public_repo', fine-grained 'Administration: read'";

    private const string AppPermissionNeeded =
        "the App needs repository permission 'Administration: read', and its installation must include the repository";

    private static readonly Uri UserPath = new("user", UriKind.Relative);
    private static readonly Uri RateLimitPath = new("rate_limit", UriKind.Relative);

    public async Task<ConnectionCheckResult> CheckAsync(GitHubConnection connection, IReadOnlyList<string> repositoriesToTry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(repositoriesToTry);
        var state = new CheckState(connection, GitHubSessionFactory.BaseAddress(connection.ApiBaseUrl));
        using var timeLimit = new CancellationTokenSource(TimeLimit, clock);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeLimit.Token);
        using var session = sessions.Create(connection, new RunCounters(), QuickSettings(options.Value), bounded.Token);
        try
        {
            if (session.RefusedBecause is { } refused)
            {
                state.Findings.Add(refused + " GitHub was not asked.");
            }
            else if (await IdentifyAsync(session, state, bounded.Token).ConfigureAwait(false)
                && await ReadRateLimitAsync(session, state, bounded.Token).ConfigureAwait(false))
            {
                await TryTrafficAsync(session, state, repositoriesToTry, bounded.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            state.Findings.Add(string.Create(CultureInfo.InvariantCulture,
                $"GitHub at {state.BaseAddress} did not answer within {TimeLimit.TotalSeconds:0} seconds: check the API base URL and that this server can reach it."));
        }
#pragma warning disable CA1031 // Whatever else the address answered (a page that is not GitHub's API, say) is a finding, not a failed request.
        catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
        {
            // The exception's text may quote what answered; the finding does not.
            LogUnreadable(logger, exception, connection.Id, state.BaseAddress);
            state.Findings.Add($"The server at {state.BaseAddress} did not answer as GitHub's API does: is the API base URL a GitHub API address?");
        }

        var result = state.ToResult(clock.GetUtcNow());
        LogChecked(logger, connection.Id, connection.Kind, state.BaseAddress, result.Reachable, result.CredentialsAccepted, result.Traffic.CanRead, result.Findings.Count);
        return result;
    }

    /// <summary>The collector's settings, with few retries, short timeouts and no waiting for rate limits: a person is waiting.</summary>
    private static GitHubCollectorOptions QuickSettings(GitHubCollectorOptions collector) => new()
    {
        MaxConcurrency = 1,
        RequestsPerMinute = collector.RequestsPerMinute,
        MaxRetries = Math.Min(collector.MaxRetries, 1),
        RetryBaseDelay = collector.RetryBaseDelay < TimeSpan.FromMilliseconds(500) ? collector.RetryBaseDelay : TimeSpan.FromMilliseconds(500),
        RequestTimeout = collector.RequestTimeout < TimeSpan.FromSeconds(10) ? collector.RequestTimeout : TimeSpan.FromSeconds(10),
        MaxRateLimitWait = TimeSpan.Zero,
        MaxResponseBytes = collector.MaxResponseBytes,
        MaxPagesPerListing = collector.MaxPagesPerListing,
        LeaseDuration = collector.LeaseDuration,
        ProgressInterval = collector.ProgressInterval,
    };

    /// <summary>Who the credentials act as; false when nothing more can be asked.</summary>
    private static async Task<bool> IdentifyAsync(GitHubSession session, CheckState state, CancellationToken cancellationToken)
    {
        var connection = state.Connection;
        try
        {
            if (session.Installation is { } installation)
            {
                var app = await installation.GetAppAsync(cancellationToken).ConfigureAwait(false);
                state.Answered(credentialsAccepted: null);
                state.Identity = new GitHubIdentity(null, app.Slug, connection.AppId, connection.InstallationId);

                // The installation token is what every other call uses; asking for it here names a wrong installation plainly.
                await installation.GetAsync(cancellationToken).ConfigureAwait(false);
                state.Answered(credentialsAccepted: true);
                return true;
            }

            var user = await session.Client.Connection.Get<User>(UserPath, null, null, cancellationToken).ConfigureAwait(false);
            state.Answered(credentialsAccepted: true);
            state.Identity = new GitHubIdentity(user.Body.Login);
            state.Scopes = Scopes(user.HttpResponse);
            if (state.Scopes is { } scopes && !scopes.Contains("repo", StringComparer.OrdinalIgnoreCase) && !scopes.Contains("public_repo", StringComparer.OrdinalIgnoreCase))
            {
                state.Findings.Add(
                    $"The classic token's scopes ({(scopes.Count == 0 ? "none" : string.Join(", ", scopes.Select(s => $"'{s}'")))}) include neither 'repo' nor 'public_repo': GitHub shows traffic only with one of them ('public_repo' covers public repositories only).");
            }

            return true;
        }
        catch (CryptographicException)
        {
            state.Findings.Add("The App's private key is not a PEM-encoded RSA key: download a new private key from the App's settings and enter it again. GitHub was not asked.");
            return false;
        }
        catch (Exception exception) when (GitHubFailureOf(exception) is { } failure)
        {
            switch (failure.Reason)
            {
                case GitHubFailureReason.NotFound when session.Installation is not null:
                    state.Answered(credentialsAccepted: false);
                    state.Findings.Add(string.Create(CultureInfo.InvariantCulture,
                        $"GitHub has no installation {connection.InstallationId} of App {connection.AppId} (404): install the App on the account or organisation, and copy the installation id from the installation's settings URL."));
                    break;
                case GitHubFailureReason.NotFound:
                    state.Answered(credentialsAccepted: null);
                    state.Findings.Add($"{state.BaseAddress} answered 404 to GET /user, which every GitHub API serves: is the API base URL a GitHub API address (https://api.github.com, or your GitHub Enterprise Server's address)?");
                    break;
                default:
                    state.Record(failure, session.Installation is not null);
                    break;
            }

            return false;
        }
    }

    /// <summary>The core rate limit; false when GitHub stopped answering.</summary>
    private static async Task<bool> ReadRateLimitAsync(GitHubSession session, CheckState state, CancellationToken cancellationToken)
    {
        try
        {
            var limits = await session.Client.Connection.Get<MiscellaneousRateLimit>(RateLimitPath, null, null, cancellationToken).ConfigureAwait(false);
            var core = limits.Body.Resources.Core;
            state.RateLimit = new GitHubRateLimit(core.Limit, core.Remaining, core.Reset);
            if (core.Remaining == 0)
            {
                state.Findings.Add($"The connection's rate limit ({core.Limit} requests an hour) is used up until {core.Reset.UtcDateTime:yyyy-MM-dd HH:mm} UTC; collection waits until then.");
            }

            return true;
        }
        catch (Exception exception) when (GitHubFailureOf(exception) is { } failure)
        {
            if (failure.Reason == GitHubFailureReason.NotFound)
            {
                // GitHub Enterprise Server without rate limiting answers 404 here: nothing is lacking.
                return true;
            }

            state.Record(failure, session.Installation is not null);
            return failure.Reason is not (GitHubFailureReason.ServerError or GitHubFailureReason.TimedOut or GitHubFailureReason.Unreachable);
        }
    }

    private static async Task TryTrafficAsync(GitHubSession session, CheckState state, IReadOnlyList<string> repositoriesToTry, CancellationToken cancellationToken)
    {
        var app = session.Installation is not null;
        var candidates = repositoriesToTry
            .Select(r => GitHubNames.TryParseFullName(r?.Trim(), out var owner, out var name) ? (FullName: $"{owner}/{name}", Owner: owner, Name: name) : default)
            .Where(r => r.FullName is not null)
            .DistinctBy(r => r.FullName, StringComparer.OrdinalIgnoreCase)
            .Take(MaxRepositoriesTried)
            .ToList();
        if (candidates.Count == 0)
        {
            state.Findings.Add("No tracked repository uses this connection, so reading traffic could not be checked: track a repository (or an owner, and collect) and test again.");
            return;
        }

        foreach (var (fullName, owner, name) in candidates)
        {
            var path = new Uri($"repos/{Uri.EscapeDataString(owner)}/{Uri.EscapeDataString(name)}/traffic/views", UriKind.Relative);
            try
            {
                await session.Client.Connection.Get<RepositoryTrafficViewSummary>(path, null, null, cancellationToken).ConfigureAwait(false);
                state.Traffic = new TrafficAccessCheck(true, fullName, (int)HttpStatusCode.OK);
                return;
            }
            catch (Exception exception) when (GitHubFailureOf(exception) is { } failure)
            {
                switch (failure.Reason)
                {
                    case GitHubFailureReason.NoPushAccess or GitHubFailureReason.Forbidden:
                        state.Traffic = new TrafficAccessCheck(false, fullName, (int)HttpStatusCode.Forbidden);
                        state.Findings.Add($"The {(app ? "App" : "token")} cannot read traffic of {fullName}: GitHub answered 403, {GitHubErrorBody.Describe(exception)} ({(app ? AppPermissionNeeded : PushAccessNeeded)}).");
                        break;
                    case GitHubFailureReason.NotFound:
                        state.Traffic = new TrafficAccessCheck(false, fullName, (int)HttpStatusCode.NotFound);
                        state.Findings.Add($"GitHub answered 404 for {fullName}: the repository does not exist, or the {(app ? "App's installation does not include it" : "token cannot see it (a private repository needs scope 'repo', or a fine-grained token that includes it)")}.");
                        break;
                    default:
                        // Rate limits, an unreachable or failing GitHub: the next repository would fare no better.
                        state.Record(failure, app);
                        return;
                }
            }
        }
    }

    /// <summary>What a call to GitHub failed with; null for cancellation (the check's time limit is worded apart) and for anything that is no answer from GitHub.</summary>
    private static GitHubFailure? GitHubFailureOf(Exception exception) =>
        exception is OperationCanceledException ? null : GitHubFailure.Classify(exception);

    /// <summary>A classic token's scopes from <c>X-OAuth-Scopes</c>; null when the header is absent (fine-grained tokens).</summary>
    private static List<string>? Scopes(IResponse response)
    {
        foreach (var (name, value) in response.Headers)
        {
            if (name.Equals("X-OAuth-Scopes", StringComparison.OrdinalIgnoreCase))
            {
                return [.. (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking GitHub connection {ConnectionId} at {BaseAddress}: the answer could not be read as GitHub's API")]
    private static partial void LogUnreadable(ILogger logger, Exception exception, long connectionId, Uri baseAddress);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Checked GitHub connection {ConnectionId} ({Kind} at {BaseAddress}): reachable {Reachable}, credentials accepted {Accepted}, traffic readable {Traffic}, {Findings} findings")]
    private static partial void LogChecked(ILogger logger, long connectionId, GitHubConnectionKind kind, Uri baseAddress, bool reachable, bool? accepted, bool? traffic, int findings);

    /// <summary>What the check learned so far.</summary>
    private sealed class CheckState(GitHubConnection connection, Uri baseAddress)
    {
        public GitHubConnection Connection { get; } = connection;

        public Uri BaseAddress { get; } = baseAddress;

        public bool Reachable { get; set; }

        public bool? CredentialsAccepted { get; private set; }

        public GitHubIdentity? Identity { get; set; }

        public List<string>? Scopes { get; set; }

        public GitHubRateLimit? RateLimit { get; set; }

        public TrafficAccessCheck Traffic { get; set; } = TrafficAccessCheck.NotChecked;

        public List<string> Findings { get; } = [];

        /// <summary>GitHub answered; what it said of the credentials, when it said anything.</summary>
        public void Answered(bool? credentialsAccepted)
        {
            Reachable = true;
            if (credentialsAccepted is not null)
            {
                CredentialsAccepted = credentialsAccepted;
            }
        }

        /// <summary>Records what a failed call says about the connection.</summary>
        public void Record(GitHubFailure failure, bool app)
        {
            switch (failure.Reason)
            {
                case GitHubFailureReason.BadCredentials:
                    Answered(credentialsAccepted: false);
                    Findings.Add(app
                        ? "GitHub refused the App's credentials (401): check the App id, and that the private key is one GitHub still lists for the App."
                        : "Token rejected by GitHub (401): it is wrong, expired or revoked. Enter a new token.");
                    break;
                case GitHubFailureReason.RateLimited:
                    Answered(credentialsAccepted: true);
                    Findings.Add($"The connection's rate limit is used up until {failure.ResetsAt?.UtcDateTime:yyyy-MM-dd HH:mm} UTC; collection waits until then.");
                    break;
                case GitHubFailureReason.SecondaryRateLimited:
                    Answered(credentialsAccepted: true);
                    Findings.Add("GitHub's secondary rate limit refused the check: too many requests at once with this connection. Try again in a minute.");
                    break;
                case GitHubFailureReason.RateLimitWaitTooLong or GitHubFailureReason.Refused:
                    // GhStats' own words: a limit it keeps, or an address the operator does not allow.
                    Findings.Add(failure.Message);
                    break;
                case GitHubFailureReason.TimedOut:
                    Findings.Add($"GitHub at {BaseAddress} did not answer in time: check the API base URL and that this server can reach it.");
                    break;
                case GitHubFailureReason.ServerError:
                    Reachable = false;
                    Findings.Add(string.Create(CultureInfo.InvariantCulture,
                        $"GitHub at {BaseAddress} failed with {failure.StatusCode} ({GitHubErrorBody.Describe(failure.Exception)}): it is down or in trouble. Try again later."));
                    break;
                case GitHubFailureReason.Unreachable:
                    Reachable = false;
                    Findings.Add($"GitHub at {BaseAddress} could not be reached ({(failure.Exception is HttpRequestException http ? GitHubErrorBody.NoAnswer(http) : "no answer")}): check the API base URL and that this server can reach it.");
                    break;
                default:
                    // GitHub answered: a 403, 404, 429 or another status these cases do not word apart.
                    Answered(credentialsAccepted: null);
                    Findings.Add(string.Create(CultureInfo.InvariantCulture, $"GitHub at {BaseAddress} answered {failure.StatusCode}: {GitHubErrorBody.Describe(failure.Exception)}."));
                    break;
            }
        }

        public ConnectionCheckResult ToResult(DateTimeOffset now) =>
            new(Reachable, Reachable ? CredentialsAccepted : null, Identity, Scopes, RateLimit, Traffic, Findings, now);
    }
}
