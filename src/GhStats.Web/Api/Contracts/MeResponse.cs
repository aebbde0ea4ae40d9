using System.Text;

namespace GhStats.Web.Api.Contracts;

/// <summary>
/// The signed-in caller: profile, system roles, tenants with role, repositories granted one by one, and the language
/// they chose (null: none; pages follow the browser, digests and alerts are in English).
/// </summary>
internal sealed record MeResponse(long Id, string? Email, string? DisplayName, IReadOnlyList<string> SystemRoles, IReadOnlyList<TenantResponse> Tenants, IReadOnlyList<long> GrantedRepositoryIds, bool DevelopmentSignIn, string? AntiforgeryToken, string? Language)
{
    /// <summary>Prints the response without the session's antiforgery token.</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id).Append(", Email = ").Append(Email).Append(", DisplayName = ").Append(DisplayName)
            .Append(", DevelopmentSignIn = ").Append(DevelopmentSignIn).Append(", Language = ").Append(Language).Append(", AntiforgeryToken = ").Append(AntiforgeryToken is null ? string.Empty : "***");
        return true;
    }
}
