using System.Text;

namespace GhStats.Web.Api.Contracts;

/// <summary>
/// Adds a notification channel: kind webhook or slack with an https <c>url</c>, or kind email with <c>recipients</c>;
/// <c>topics</c> names what it receives (digest, spike, trouble); <c>language</c> the language its digests and alerts
/// are written in (en, de, fr, es, pt-BR, ja; left out: English). Webhook payloads are data and stay as they are.
/// </summary>
internal sealed record CreateChannelRequest(string? Name, string? Kind, IReadOnlyList<string>? Topics, string? Url, IReadOnlyList<string>? Recipients, string? Language = null)
{
    /// <summary>Prints the request without the URL (a Slack webhook URL is itself a credential).</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Name = ").Append(Name).Append(", Kind = ").Append(Kind).Append(", Topics = ").Append(Topics is null ? null : string.Join(",", Topics))
            .Append(", Url = ").Append(Url is null ? string.Empty : "***").Append(", Recipients = ").Append(Recipients is null ? null : string.Join(",", Recipients)).Append(", Language = ").Append(Language);
        return true;
    }
}
