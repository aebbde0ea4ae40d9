namespace GhStats.Testing.GitHub;

/// <summary>What the simulator answers, before the common headers are added.</summary>
/// <param name="LeadingWhitespace">Spaces written before <paramref name="Body"/>, streamed (a huge body without a huge array).</param>
/// <param name="DeclareLength">Whether a body with leading whitespace declares its Content-Length.</param>
/// <param name="ETag">The entity tag GitHub would send with this answer, if any.</param>
internal readonly record struct ApiAnswer(
    int Status,
    byte[] Body,
    string? Link = null,
    int? RetryAfterSeconds = null,
    string? Location = null,
    string? ContentType = null,
    long LeadingWhitespace = 0,
    bool DeclareLength = true,
    string? ETag = null);
