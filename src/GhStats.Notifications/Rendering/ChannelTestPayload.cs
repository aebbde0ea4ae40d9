using System.Text.Json;

namespace GhStats.Notifications.Rendering;

/// <summary>The payload of a <c>channel.test</c> event: which channel, who asked and when.</summary>
/// <param name="ChannelId">The channel.</param>
/// <param name="ChannelName">Its name.</param>
/// <param name="RequestedBy">Who asked (an email or subject).</param>
/// <param name="RequestedAt">When (UTC).</param>
internal sealed record ChannelTestPayload(long ChannelId, string ChannelName, string RequestedBy, DateTimeOffset RequestedAt)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
