using System.Text;

namespace GhStats.Web.Api.Contracts;

/// <summary>The cron endpoint's optional body: the secret (for schedulers that cannot set a header) and a tenant to collect alone.</summary>
internal sealed record CollectRequest(string? Token, string? Tenant)
{
    /// <summary>Prints the request without the cron secret.</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Token = ").Append(Token is null ? string.Empty : "***").Append(", Tenant = ").Append(Tenant);
        return true;
    }
}
