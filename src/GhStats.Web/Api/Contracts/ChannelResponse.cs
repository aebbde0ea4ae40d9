namespace GhStats.Web.Api.Contracts;

/// <summary>
/// A notification channel. <c>target</c> is where it delivers without anything secret: the recipients of an email
/// channel, only the host of a webhook or Slack URL (never its path, query or the signing secret). <c>language</c> is
/// the language its messages are written in (null: English).
/// </summary>
internal sealed record ChannelResponse(long Id, string Name, string Kind, IReadOnlyList<string> Topics, string? Target, DateTimeOffset CreatedAt, string? CreatedBy, string? Language);
