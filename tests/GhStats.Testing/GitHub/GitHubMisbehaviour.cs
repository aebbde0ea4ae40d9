using System.Text;

namespace GhStats.Testing.GitHub;

/// <summary>
/// Answers a hostile or broken server gives where GitHub would not: redirects, next-page links to another origin,
/// pages without end, huge bodies, hour-long Retry-After, and error pages that are not GitHub's. Like
/// <see cref="GitHubFaults"/>, a one-off answer replaces the real one after authentication and rate limiting.
/// </summary>
public sealed class GitHubMisbehaviour
{
    private readonly Lock _gate = new();
    private List<(FailNextRule Rule, Func<ApiAnswer> Answer)> _next = [];

    internal GitHubMisbehaviour()
    {
    }

    /// <summary>When set, the next-page links of listings point to this origin (e.g. another simulator's "http://127.0.0.1:{port}/") instead of the simulator's own.</summary>
    public string? PageLinkOrigin { get; set; }

    /// <summary>When true, every page of a listing links to a next one, forever.</summary>
    public bool EndlessPages { get; set; }

    /// <summary>The next <paramref name="times"/> requests whose path contains <paramref name="pathContains"/> answer a redirect to <paramref name="location"/>.</summary>
    public void RedirectNext(string pathContains, string location, int statusCode = 302, int times = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 300);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 399);
        Add(pathContains, times, () => new ApiAnswer(statusCode, [], Location: location));
    }

    /// <summary>The next matching requests answer GitHub's secondary-limit 403 with <c>Retry-After</c> of <paramref name="retryAfter"/>.</summary>
    public void RetryAfterNext(string pathContains, TimeSpan retryAfter, int times = 1) =>
        Add(pathContains, times, () => new ApiAnswer(
            403,
            GitHubJson.Error("You have exceeded a secondary rate limit. Please wait a few minutes before you try again.", "https://docs.github.com/rest", 403),
            RetryAfterSeconds: (int)retryAfter.TotalSeconds));

    /// <summary>
    /// The next matching requests answer 200 with <paramref name="bytes"/> of whitespace before an empty JSON array,
    /// streamed without a Content-Length (or with one, when <paramref name="declareLength"/>).
    /// </summary>
    public void HugeBodyNext(string pathContains, long bytes, bool declareLength = false, int times = 1) =>
        Add(pathContains, times, () => new ApiAnswer(200, "[]"u8.ToArray(), LeadingWhitespace: bytes, DeclareLength: declareLength));

    /// <summary>The next matching requests answer <paramref name="statusCode"/> with <paramref name="body"/>, as a server that is not GitHub's API would.</summary>
    public void NotGitHubNext(string pathContains, int statusCode, string body, string contentType = "text/html; charset=utf-8", int times = 1) =>
        Add(pathContains, times, () => new ApiAnswer(statusCode, Encoding.UTF8.GetBytes(body), ContentType: contentType));

    /// <summary>Removes every one-off answer and resets the properties.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _next = [];
        }

        PageLinkOrigin = null;
        EndlessPages = false;
    }

    internal bool TryTake(string path, out ApiAnswer answer)
    {
        List<(FailNextRule Rule, Func<ApiAnswer> Answer)> rules;
        lock (_gate)
        {
            rules = _next;
        }

        foreach (var (rule, make) in rules)
        {
            if (rule.TryTake(path))
            {
                answer = make();
                return true;
            }
        }

        answer = default;
        return false;
    }

    private void Add(string pathContains, int times, Func<ApiAnswer> answer)
    {
        ArgumentNullException.ThrowIfNull(pathContains);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        lock (_gate)
        {
            _next = [.. _next.Where(r => !r.Rule.IsSpent), (new FailNextRule(pathContains, 200, times), answer)];
        }
    }
}
