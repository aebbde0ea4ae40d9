using System.Globalization;
using System.Text.Json;

namespace GhStats.Testing.GitHub;

/// <summary>
/// A GraphQL request checked against the part of GitHub's schema the simulator serves, and GitHub's documented limits:
/// every connection needs <c>first</c> or <c>last</c> between 1 and 100, a call may ask for at most 500,000 nodes, and it
/// costs the requests its connections need (each connection one request per node of the connections above it) divided by
/// 100 and rounded, at least 1 point.
/// </summary>
/// <remarks>
/// Served: <c>repository(owner:, name:)</c> with <c>id</c>, <c>databaseId</c>, <c>name</c>, <c>nameWithOwner</c>,
/// <c>stargazerCount</c>, <c>forkCount</c>, <c>diskUsage</c>, <c>isPrivate</c>, <c>isArchived</c>, <c>isFork</c> and the
/// connections <c>watchers</c>, <c>stargazers</c>, <c>forks</c>, <c>issues(states:)</c> and <c>pullRequests(states:)</c>
/// (their <c>totalCount</c>); and <c>rateLimit { limit cost remaining used resetAt nodeCount }</c>.
/// </remarks>
internal sealed class GraphQLQuery
{
    public const int MaxNodes = 500_000;
    public const int MaxPageSize = 100;

    private static readonly HashSet<string> RepositoryScalars =
        ["id", "databaseId", "name", "nameWithOwner", "stargazerCount", "forkCount", "diskUsage", "isPrivate", "isArchived", "isFork", "__typename"];

    private static readonly HashSet<string> RepositoryConnections = ["watchers", "stargazers", "forks", "issues", "pullRequests"];
    private static readonly HashSet<string> RateLimitFields = ["limit", "cost", "remaining", "used", "resetAt", "nodeCount", "__typename"];

    private GraphQLQuery(GraphQLDocument document, JsonElement? variables, int nodes, int requests)
    {
        Document = document;
        Variables = variables;
        Nodes = nodes;
        Cost = Math.Max(1, (int)Math.Round(requests / 100.0, MidpointRounding.AwayFromZero));
    }

    public GraphQLDocument Document { get; }

    public JsonElement? Variables { get; }

    /// <summary>The nodes the call may return, as GitHub counts them.</summary>
    public int Nodes { get; }

    /// <summary>The call's points.</summary>
    public int Cost { get; }

    /// <summary>Reads a POSTed body <c>{"query": ..., "variables": {...}}</c> and checks it; a refusal comes back as GitHub's errors.</summary>
    public static GraphQLQuery? Check(byte[] body, out byte[]? refusal)
    {
        refusal = null;
        string? text;
        JsonElement? variables;
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind != JsonValueKind.Object || !json.RootElement.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String)
            {
                refusal = Errors(w => WriteError(w, "A query attribute must be specified and must be a string.", null, null, null));
                return null;
            }

            text = query.GetString();
            variables = json.RootElement.TryGetProperty("variables", out var given) && given.ValueKind == JsonValueKind.Object ? given.Clone() : null;
        }
        catch (JsonException)
        {
            refusal = Errors(w => WriteError(w, "Problems parsing JSON", null, null, null));
            return null;
        }

        try
        {
            var document = GraphQLDocument.Parse(text ?? "");
            var problems = new List<(string Message, string? Type, GraphQLField? Field, string? Path)>();
            var (nodes, requests) = (0L, 0L);
            foreach (var field in document.Selections)
            {
                switch (field.Name)
                {
                    case "repository":
                        if (!field.Arguments.ContainsKey("owner") || !field.Arguments.ContainsKey("name"))
                        {
                            problems.Add(("Field 'repository' is missing required arguments: owner, name", null, field, field.Alias));
                        }

                        foreach (var child in field.Selections ?? [])
                        {
                            if (RepositoryConnections.Contains(child.Name))
                            {
                                // A connection under a single object: one request, and as many nodes as its page.
                                var page = PageSize(child, problems);
                                nodes += page;
                                requests += 1;
                                foreach (var inner in child.Selections ?? [])
                                {
                                    if (inner.Name is not ("totalCount" or "__typename"))
                                    {
                                        problems.Add(($"Field '{inner.Name}' is not served by the GitHub simulator on a connection; ask for totalCount", null, inner, null));
                                    }
                                }
                            }
                            else if (!RepositoryScalars.Contains(child.Name))
                            {
                                problems.Add(($"Field '{child.Name}' doesn't exist on type 'Repository'", null, child, null));
                            }
                        }

                        break;
                    case "rateLimit":
                        foreach (var child in field.Selections ?? [])
                        {
                            if (!RateLimitFields.Contains(child.Name))
                            {
                                problems.Add(($"Field '{child.Name}' doesn't exist on type 'RateLimit'", null, child, null));
                            }
                        }

                        break;
                    default:
                        problems.Add(($"Field '{field.Name}' doesn't exist on type 'Query'", null, field, null));
                        break;
                }
            }

            if (problems.Count == 0 && nodes > MaxNodes)
            {
                problems.Add((string.Create(CultureInfo.InvariantCulture, $"This query requests up to {nodes:N0} possible nodes which exceeds the maximum limit of {MaxNodes:N0}."), "MAX_NODE_LIMIT_EXCEEDED", null, null));
            }

            if (problems.Count > 0)
            {
                refusal = Errors(w =>
                {
                    foreach (var (message, type, field, path) in problems)
                    {
                        WriteError(w, message, type, field, path);
                    }
                });
                return null;
            }

            return new GraphQLQuery(document, variables, (int)nodes, (int)Math.Min(requests, int.MaxValue));
        }
        catch (GraphQLSyntaxException syntax)
        {
            refusal = Errors(w => WriteError(w, syntax.Message, null, null, null, syntax.Line, syntax.Column));
            return null;
        }
    }

    /// <summary>Runs the checked query for <paramref name="identity"/>: data for every field, and errors for the repositories it cannot see.</summary>
    public byte[] Execute(GitHubSimulator simulator, SimulatedIdentity identity, RateDecision rate, DateTimeOffset resetAt)
    {
        var missing = new List<(GraphQLField Field, string Message, string? Type)>();
        var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteStartObject("data");
            foreach (var field in Document.Selections)
            {
                w.WritePropertyName(field.Alias);
                if (field.Name == "rateLimit")
                {
                    WriteRateLimit(w, field, rate, resetAt);
                    continue;
                }

                var owner = GraphQLDocument.Resolve(field.Arguments["owner"], Variables) as string ?? "";
                var name = GraphQLDocument.Resolve(field.Arguments["name"], Variables) as string ?? "";
                var repository = simulator.FindRepository(owner, name);

                // As on the REST side, a private repository the credentials cannot push to does not exist for them.
                var notFound = $"Could not resolve to a Repository with the name '{owner}/{name}'.";
                if (repository is null || (repository.Private && !identity.CanPush(repository)))
                {
                    w.WriteNullValue();
                    missing.Add((field, notFound, "NOT_FOUND"));
                    continue;
                }

                if (simulator.Faults.AlwaysFailing(repository.FullName) is { } status)
                {
                    w.WriteNullValue();
                    missing.Add(status switch
                    {
                        404 => (field, notFound, "NOT_FOUND"),
                        403 => (field, "Resource not accessible by integration", "FORBIDDEN"),
                        _ => (field, "Something went wrong while executing your query. This may be the result of a timeout, or it could be a GitHub bug.", null),
                    });
                    continue;
                }

                WriteRepository(w, field, repository);
            }

            w.WriteEndObject();
            if (missing.Count > 0)
            {
                w.WriteStartArray("errors");
                foreach (var (field, message, type) in missing)
                {
                    WriteError(w, message, type, field, field.Alias);
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        return stream.ToArray();
    }

    /// <summary>GitHub's answer when the primary limit has fewer points left than the call costs: HTTP 200 and an error.</summary>
    public static byte[] RateLimited(string subject) =>
        Errors(w => WriteError(w, "API rate limit exceeded for " + subject + ".", "RATE_LIMITED", null, null));

    private static int PageSize(GraphQLField connection, List<(string, string?, GraphQLField?, string?)> problems)
    {
        var first = connection.Arguments.GetValueOrDefault("first");
        var last = connection.Arguments.GetValueOrDefault("last");
        if (first is null && last is null)
        {
            problems.Add(($"You must provide a `first` or `last` value to properly paginate the `{connection.Name}` connection.", "MISSING_PAGINATION_BOUNDARIES", connection, null));
            return 0;
        }

        var size = first as long? ?? last as long? ?? 0;
        var argument = first is not null ? "first" : "last";
        if (size > MaxPageSize)
        {
            problems.Add(($"Requesting {size} records on the `{connection.Name}` connection exceeds the `{argument}` limit of {MaxPageSize} records.", "EXCESSIVE_PAGINATION", connection, null));
        }
        else if (size < 1)
        {
            problems.Add(($"`{argument}` on the `{connection.Name}` connection must be between 1 and {MaxPageSize}.", "EXCESSIVE_PAGINATION", connection, null));
        }

        return (int)Math.Clamp(size, 0, MaxPageSize);
    }

    private void WriteRepository(Utf8JsonWriter w, GraphQLField field, SimulatedRepository repository)
    {
        w.WriteStartObject();
        foreach (var child in field.Selections ?? [])
        {
            switch (child.Name)
            {
                case "id":
                    w.WriteString(child.Alias, repository.NodeId);
                    break;
                case "databaseId":
                    w.WriteNumber(child.Alias, repository.Id);
                    break;
                case "name":
                    w.WriteString(child.Alias, repository.Name);
                    break;
                case "nameWithOwner":
                    w.WriteString(child.Alias, repository.FullName);
                    break;
                case "stargazerCount":
                    w.WriteNumber(child.Alias, repository.Stars);
                    break;
                case "forkCount":
                    w.WriteNumber(child.Alias, repository.Forks);
                    break;
                case "diskUsage":
                    w.WriteNumber(child.Alias, repository.SizeKb);
                    break;
                case "isPrivate":
                    w.WriteBoolean(child.Alias, repository.Private);
                    break;
                case "isArchived":
                    w.WriteBoolean(child.Alias, repository.Archived);
                    break;
                case "isFork":
                    w.WriteBoolean(child.Alias, repository.Fork);
                    break;
                case "__typename":
                    w.WriteString(child.Alias, "Repository");
                    break;
                default:
                    w.WriteStartObject(child.Alias);
                    foreach (var inner in child.Selections ?? [])
                    {
                        if (inner.Name == "__typename")
                        {
                            w.WriteString(inner.Alias, ConnectionType(child.Name));
                        }
                        else
                        {
                            w.WriteNumber(inner.Alias, TotalCount(repository, child));
                        }
                    }

                    w.WriteEndObject();
                    break;
            }
        }

        w.WriteEndObject();
    }

    /// <summary>
    /// The connection's size. REST's <c>open_issues_count</c> counts open pull requests too, so the simulator splits its
    /// <see cref="SimulatedRepository.OpenIssues"/> into issues and pull requests deterministically; the two add up to it.
    /// </summary>
    private static long TotalCount(SimulatedRepository repository, GraphQLField connection)
    {
        var pullRequests = OpenPullRequests(repository);
        return connection.Name switch
        {
            "watchers" => repository.Watchers,
            "stargazers" => repository.Stars,
            "forks" => repository.Forks,

            // The simulator keeps no closed issues or pull requests, so any `states` counts the open ones.
            "issues" => repository.OpenIssues - pullRequests,
            "pullRequests" => pullRequests,
            _ => 0,
        };
    }

    /// <summary>The part of a repository's open issues that are pull requests: about a quarter, from its seed.</summary>
    public static int OpenPullRequests(SimulatedRepository repository) =>
        repository.OpenIssues == 0 ? 0 : StableHash.Below(repository.OpenIssues / 4 + 1, repository.Seed, 0x9e11);

    private static string ConnectionType(string connection) => connection switch
    {
        "watchers" => "UserConnection",
        "stargazers" => "StargazerConnection",
        "forks" => "RepositoryConnection",
        "issues" => "IssueConnection",
        _ => "PullRequestConnection",
    };

    private void WriteRateLimit(Utf8JsonWriter w, GraphQLField field, RateDecision rate, DateTimeOffset resetAt)
    {
        w.WriteStartObject();
        foreach (var child in field.Selections ?? [])
        {
            switch (child.Name)
            {
                case "limit":
                    w.WriteNumber(child.Alias, rate.Limit);
                    break;
                case "cost":
                    w.WriteNumber(child.Alias, Cost);
                    break;
                case "remaining":
                    w.WriteNumber(child.Alias, rate.Remaining);
                    break;
                case "used":
                    w.WriteNumber(child.Alias, rate.Used);
                    break;
                case "resetAt":
                    w.WriteString(child.Alias, resetAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                    break;
                case "nodeCount":
                    w.WriteNumber(child.Alias, Nodes);
                    break;
                default:
                    w.WriteString(child.Alias, "RateLimit");
                    break;
            }
        }

        w.WriteEndObject();
    }

    private static byte[] Errors(Action<Utf8JsonWriter> errors)
    {
        var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteStartArray("errors");
            errors(w);
            w.WriteEndArray();
            w.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static void WriteError(Utf8JsonWriter w, string message, string? type, GraphQLField? field, string? path, int line = 0, int column = 0)
    {
        w.WriteStartObject();
        if (type is not null)
        {
            w.WriteString("type", type);
        }

        if (path is not null)
        {
            w.WriteStartArray("path");
            w.WriteStringValue(path);
            w.WriteEndArray();
        }

        var (l, c) = field is not null ? (field.Line, field.Column) : (line, column);
        if (l > 0)
        {
            w.WriteStartArray("locations");
            w.WriteStartObject();
            w.WriteNumber("line", l);
            w.WriteNumber("column", c);
            w.WriteEndObject();
            w.WriteEndArray();
        }

        w.WriteString("message", message);
        w.WriteEndObject();
    }
}
