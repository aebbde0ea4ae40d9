namespace GhStats.Domain;

/// <summary>
/// The entity tag of GitHub's last answer to one read of a repository through one connection, kept so the next read can
/// ask <c>If-None-Match</c> and take a free 304 when nothing changed. It is saved only after that answer was merged, so
/// a 304 always means "what is stored for <see cref="ReadOn"/> is still GitHub's answer".
/// </summary>
/// <param name="RepositoryId">The repository read.</param>
/// <param name="ConnectionId">The GitHub connection it was read through (GitHub's tags vary with the token).</param>
/// <param name="Read">Which read, e.g. <c>repository</c>, <c>views.day</c>, <c>referrers</c>.</param>
/// <param name="ETag">GitHub's <c>ETag</c> header, as sent (quotes and <c>W/</c> included).</param>
/// <param name="ReadOn">The UTC day of the last read that answered with this tag, a 200 or a 304.</param>
public sealed record GitHubETag(long RepositoryId, long ConnectionId, string Read, string ETag, DateOnly ReadOn);
