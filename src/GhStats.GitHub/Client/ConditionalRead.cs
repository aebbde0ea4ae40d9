namespace GhStats.GitHub.Client;

/// <summary>
/// One conditional GET through Octokit, whose methods take no headers: the read is carried in an <see cref="AsyncLocal{T}"/>
/// down to <see cref="GitHubSessionHandler"/>, which sends <c>If-None-Match</c> with the known tag, notes the answer's
/// <c>ETag</c>, and turns a 304 into <see cref="GitHubNotModifiedException"/> before Octokit sees it.
/// </summary>
internal sealed class ConditionalRead
{
    private static readonly AsyncLocal<ConditionalRead?> Current = new();

    private ConditionalRead(string? ifNoneMatch) => IfNoneMatch = ifNoneMatch;

    /// <summary>The read of the request being sent in this flow, if it is one.</summary>
    public static ConditionalRead? Active => Current.Value;

    /// <summary>The tag sent in <c>If-None-Match</c>; null sends none (the first read).</summary>
    public string? IfNoneMatch { get; }

    /// <summary>The <c>ETag</c> of the last answer, if it had one.</summary>
    public string? ETag { get; set; }

    /// <summary>Runs <paramref name="read"/> (one Octokit call, one request) as a conditional read.</summary>
    /// <returns>What Octokit read and the answer's tag; a null value and <c>NotModified</c> for a 304.</returns>
    public static async Task<(T? Value, bool NotModified, string? ETag)> SendAsync<T>(string? ifNoneMatch, Func<Task<T>> read)
        where T : class
    {
        var conditional = new ConditionalRead(ifNoneMatch);

        // Set inside this method, so the caller's flow, and its next calls, never see it.
        Current.Value = conditional;
        try
        {
            var value = await read().ConfigureAwait(false);
            return (value, false, conditional.ETag);
        }
        catch (GitHubNotModifiedException) when (ifNoneMatch is not null)
        {
            return (null, true, conditional.ETag ?? ifNoneMatch);
        }
        finally
        {
            Current.Value = null;
        }
    }
}
