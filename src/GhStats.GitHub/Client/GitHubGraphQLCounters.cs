using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace GhStats.GitHub.Client;

/// <summary>What one GraphQL query said of one repository: its counters, that it does not exist, or neither (read it with REST).</summary>
/// <param name="Counters">The counters; null when the repository was not found or its alias failed otherwise.</param>
/// <param name="NotFound">GitHub's <c>NOT_FOUND</c> message for a repository that does not exist or the token cannot see.</param>
internal sealed record CounterAnswer(RepositoryCounters? Counters, string? NotFound);

/// <summary>
/// Reads the counters of up to 100 repositories with one GraphQL query, one aliased <c>repository(owner:, name:)</c> per
/// repository, through the session's own handler chain (authentication, pacing on the GraphQL budget, retries, guard).
/// Each repository costs three connections (<c>watchers</c>, open <c>issues</c>, open <c>pullRequests</c>, one node each),
/// so by GitHub's calculation 100 repositories cost 3 points of the hourly 5,000.
/// </summary>
internal static class GitHubGraphQLCounters
{
    /// <summary>The most repositories one query asks for (GitHub's page limit, and a cost of 3 points).</summary>
    public const int MaxBatch = 100;

    private const string Fields =
        "databaseId stargazerCount forkCount diskUsage watchers(first:1){totalCount} issues(states:OPEN,first:1){totalCount} pullRequests(states:OPEN,first:1){totalCount}";

    /// <summary>
    /// GraphQL's address for an API root: <c>https://api.github.com/graphql</c> for github.com, <c>{host}/api/graphql</c>
    /// for GitHub Enterprise Server, whose REST root is <c>{host}/api/v3/</c>.
    /// </summary>
    public static Uri EndpointFor(Uri apiBase) =>
        apiBase.Host.Equals("api.github.com", StringComparison.OrdinalIgnoreCase) ? new Uri(apiBase, "/graphql") : new Uri(apiBase, "../graphql");

    /// <summary>Asks for the counters of <paramref name="repositories"/>; the answers come in the same order.</summary>
    /// <exception cref="GitHubGraphQLUnavailableException">When the query answered no repository's counters.</exception>
    public static async Task<IReadOnlyList<CounterAnswer>> ReadAsync(
        HttpClient http, Uri endpoint, IReadOnlyList<(string Owner, string Name)> repositories, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(repositories.Count, MaxBatch);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(Body(repositories)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Accept.ParseAdd("application/json");

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (GitHubRequestRefusedException refused)
        {
            throw new GitHubGraphQLUnavailableException($"GraphQL was refused: {refused.Message}", forTheRun: true, refused);
        }
        catch (GitHubRateLimitedException limited)
        {
            throw new GitHubGraphQLUnavailableException($"GitHub's GraphQL budget is spent: {limited.Message}", forTheRun: true, limited);
        }
        catch (Exception failure) when (failure is HttpRequestException or TimeoutException or TaskCanceledException)
        {
            throw new GitHubGraphQLUnavailableException($"GraphQL did not answer ({failure.Message}).", forTheRun: false, failure);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                // No GraphQL (an older Enterprise Server), a refused token, or a spent limit: REST for the rest of the run.
                // Anything else (5xx after retries) is passing: REST for this batch only.
                var forTheRun = response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone or HttpStatusCode.Unauthorized
                    or HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests or HttpStatusCode.NotImplemented or HttpStatusCode.MethodNotAllowed
                    || status is >= 400 and < 500;
                throw new GitHubGraphQLUnavailableException(string.Create(CultureInfo.InvariantCulture, $"GitHub's GraphQL API answered {status} at {endpoint.AbsolutePath}."), forTheRun);
            }

            JsonDocument answer;
            try
            {
                answer = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), default, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException json)
            {
                throw new GitHubGraphQLUnavailableException("GitHub's GraphQL API answered something that is not JSON.", forTheRun: true, json);
            }

            using (answer)
            {
                return Read(answer.RootElement, repositories.Count);
            }
        }
    }

    private static CounterAnswer[] Read(JsonElement root, int count)
    {
        var notFound = new Dictionary<int, string>();
        var failed = new HashSet<int>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new GitHubGraphQLUnavailableException("GitHub's GraphQL API answered without an object.");
        }

        if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
        {
            foreach (var error in errors.EnumerateArray())
            {
                var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "(no message)";
                var type = error.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                if (AliasOf(error) is not { } index || index >= count)
                {
                    // A rate limit, a schema the server does not have, a malformed query: none of it is one repository's.
                    throw new GitHubGraphQLUnavailableException(type is null
                        ? $"GitHub's GraphQL API refused the query: {message}"
                        : $"GitHub's GraphQL API refused the query ({type}): {message}");
                }

                if (type == "NOT_FOUND")
                {
                    notFound[index] = message;
                }
                else
                {
                    failed.Add(index);
                }
            }
        }

        if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            throw new GitHubGraphQLUnavailableException("GitHub's GraphQL API answered without data.");
        }

        var answers = new CounterAnswer[count];
        for (var i = 0; i < count; i++)
        {
            if (notFound.TryGetValue(i, out var missing))
            {
                answers[i] = new CounterAnswer(null, missing);
            }
            else if (!failed.Contains(i) && data.TryGetProperty(Alias(i), out var repository) && repository.ValueKind == JsonValueKind.Object
                && Counters(repository) is { } counters)
            {
                answers[i] = new CounterAnswer(counters, null);
            }
            else
            {
                answers[i] = new CounterAnswer(null, null);
            }
        }

        return answers;
    }

    private static RepositoryCounters? Counters(JsonElement repository)
    {
        static long? Number(JsonElement parent, string name) =>
            parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) ? n : null;

        static long? Total(JsonElement parent, string name) =>
            parent.TryGetProperty(name, out var connection) && connection.ValueKind == JsonValueKind.Object ? Number(connection, "totalCount") : null;

        if (Number(repository, "databaseId") is not { } id || Number(repository, "stargazerCount") is not { } stars || Number(repository, "forkCount") is not { } forks
            || Total(repository, "watchers") is not { } watchers || Total(repository, "issues") is not { } issues || Total(repository, "pullRequests") is not { } pullRequests)
        {
            return null;
        }

        // diskUsage is null for a repository GitHub has not measured; REST's size says 0 then.
        return new RepositoryCounters(id, Narrow(stars), Narrow(forks), Narrow(watchers), Narrow(issues + pullRequests), Number(repository, "diskUsage") ?? 0);
    }

    private static int Narrow(long value) => (int)Math.Clamp(value, 0, int.MaxValue);

    /// <summary>The repository an error is about: its path starts with one of the query's aliases, r0 to r99.</summary>
    private static int? AliasOf(JsonElement error)
    {
        if (!error.TryGetProperty("path", out var path) || path.ValueKind != JsonValueKind.Array || path.GetArrayLength() == 0)
        {
            return null;
        }

        var first = path[0];
        return first.ValueKind == JsonValueKind.String && first.GetString() is ['r', .. var digits]
            && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : null;
    }

    private static string Alias(int index) => "r" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>{"query": ..., "variables": {...}}</c>: names travel as variables, never spliced into the query text.</summary>
    private static byte[] Body(IReadOnlyList<(string Owner, string Name)> repositories)
    {
        var query = new System.Text.StringBuilder("query(");
        for (var i = 0; i < repositories.Count; i++)
        {
            query.Append(CultureInfo.InvariantCulture, $"$o{i}:String!,$n{i}:String!,");
        }

        query.Append("){");
        for (var i = 0; i < repositories.Count; i++)
        {
            query.Append(CultureInfo.InvariantCulture, $"r{i}:repository(owner:$o{i},name:$n{i}){{{Fields}}} ");
        }

        query.Append("rateLimit{cost remaining resetAt}}");
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("query", query.ToString());
            w.WriteStartObject("variables");
            for (var i = 0; i < repositories.Count; i++)
            {
                w.WriteString("o" + i.ToString(CultureInfo.InvariantCulture), repositories[i].Owner);
                w.WriteString("n" + i.ToString(CultureInfo.InvariantCulture), repositories[i].Name);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return stream.ToArray();
    }
}
