using GhStats.Domain;
using GhStats.Stores;

namespace GhStats.Administration;

/// <summary>
/// Administrative operations shared by the API and the host's commands: admins, tenants, members and personal API
/// tokens. A person who has never signed in gets a profile ahead of time, under a placeholder identity that their
/// first sign-in with that email verified takes over.
/// </summary>
public sealed class GhStatsAdministration
{
    /// <summary>The issuer of a profile made ahead of a person's first sign-in; that sign-in, with the email verified, takes it over.</summary>
    public const string PendingIssuer = "urn:ghstats:pending";

    /// <summary>The longest lifetime of a personal API token.</summary>
    public const int MaxTokenLifetimeDays = 366;

    private readonly IUserStore _users;
    private readonly ITenantStore _tenants;
    private readonly IMembershipStore _memberships;
    private readonly IApiTokenStore _tokens;
    private readonly TimeProvider _clock;

    /// <summary>Creates the service over the stores.</summary>
    /// <param name="users">Profiles and system roles.</param>
    /// <param name="tenants">Tenants.</param>
    /// <param name="memberships">Members and invitations.</param>
    /// <param name="tokens">Personal API tokens.</param>
    /// <param name="clock">The clock tokens expire by.</param>
    public GhStatsAdministration(IUserStore users, ITenantStore tenants, IMembershipStore memberships, IApiTokenStore tokens, TimeProvider clock)
    {
        _users = users;
        _tenants = tenants;
        _memberships = memberships;
        _tokens = tokens;
        _clock = clock;
    }

    /// <summary>Whether a text has the shape of an email address that administrative operations accept.</summary>
    /// <param name="email">The text.</param>
    /// <returns>True when it is usable as an email address.</returns>
    public static bool IsEmailAddress(string? email) => Emails.IsValid(email);

    /// <summary>Makes the person with this email a system admin, now or at their first sign-in.</summary>
    /// <param name="email">The admin's email.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The profiles that are admins now.</returns>
    public async Task<IReadOnlyList<UserProfile>> AddAdminAsync(string email, CancellationToken cancellationToken = default)
    {
        var profiles = await ProfilesForAsync(email, cancellationToken).ConfigureAwait(false);
        foreach (var profile in profiles)
        {
            await _users.AddSystemRoleAsync(profile.Id, SystemRole.Admin, cancellationToken).ConfigureAwait(false);
        }

        return profiles;
    }

    /// <summary>Creates a tenant, and optionally gives an email its Owner role.</summary>
    /// <param name="slug">The tenant's slug: lower-case letters, digits and hyphens.</param>
    /// <param name="name">The tenant's display name.</param>
    /// <param name="ownerEmail">The first owner, if any.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tenant.</returns>
    public async Task<Tenant> CreateTenantAsync(string slug, string name, string? ownerEmail = null, CancellationToken cancellationToken = default)
    {
        if (ownerEmail is not null)
        {
            Emails.Check(ownerEmail);
        }

        var tenant = await _tenants.CreateAsync(slug, name, cancellationToken).ConfigureAwait(false);
        if (ownerEmail is not null)
        {
            await SetMemberAsync(tenant.Id, ownerEmail, TenantRole.Owner, cancellationToken).ConfigureAwait(false);
        }

        return tenant;
    }

    /// <summary>Gives an email a role in a tenant: at once for a known profile, else by invitation.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="email">The member's email.</param>
    /// <param name="role">The role.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether the email is a member now or invited.</returns>
    public async Task<MemberStatus> SetMemberAsync(long tenantId, string email, TenantRole role, CancellationToken cancellationToken = default)
    {
        Emails.Check(email);
        var profiles = await _users.FindByEmailAsync(email, cancellationToken).ConfigureAwait(false);
        if (profiles.Count == 0)
        {
            await _memberships.InviteAsync(tenantId, email, role, cancellationToken).ConfigureAwait(false);
            return MemberStatus.Invited;
        }

        foreach (var profile in profiles)
        {
            await _memberships.SetMemberAsync(tenantId, profile.Id, role, cancellationToken).ConfigureAwait(false);
        }

        return MemberStatus.Member;
    }

    /// <summary>Makes a personal API token for a profile.</summary>
    /// <param name="userId">The token's user; the token has exactly that user's rights.</param>
    /// <param name="name">What the token is for.</param>
    /// <param name="lifetimeDays">Days until it expires, 1 to 366.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored token and the secret to hand over.</returns>
    // RS0026: the two overloads differ in their first, required parameter (a profile id or an email), so the optional
    // cancellation token can never make a call ambiguous.
#pragma warning disable RS0026
    public async Task<IssuedApiToken> CreateApiTokenAsync(long userId, string name, int lifetimeDays, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (lifetimeDays is < 1 or > MaxTokenLifetimeDays)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetimeDays), lifetimeDays, $"A token lives 1 to {MaxTokenLifetimeDays} days.");
        }

        var secret = ApiTokenFormat.NewToken();
        var expires = _clock.GetUtcNow().AddDays(lifetimeDays);
        expires = expires.AddTicks(-(expires.Ticks % TimeSpan.TicksPerSecond));
        var token = await _tokens.CreateAsync(userId, name.Trim(), ApiTokenFormat.Hash(secret), expires, cancellationToken).ConfigureAwait(false);
        return new IssuedApiToken(token, secret);
    }

    /// <summary>Makes a personal API token for the person with this email, giving them a profile if they have none.</summary>
    /// <param name="email">The token's user.</param>
    /// <param name="name">What the token is for.</param>
    /// <param name="lifetimeDays">Days until it expires, 1 to 366.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored token and the secret to hand over.</returns>
    public async Task<IssuedApiToken> CreateApiTokenAsync(string email, string name, int lifetimeDays, CancellationToken cancellationToken = default)
    {
        var profiles = await ProfilesForAsync(email, cancellationToken).ConfigureAwait(false);
        if (profiles.Count > 1)
        {
            throw new GhStatsConflictException($"{profiles.Count} profiles have the email {email}; make the token from the profile's own session instead.");
        }

        return await CreateApiTokenAsync(profiles[0].Id, name, lifetimeDays, cancellationToken).ConfigureAwait(false);
    }
#pragma warning restore RS0026

    private async Task<IReadOnlyList<UserProfile>> ProfilesForAsync(string email, CancellationToken cancellationToken)
    {
        Emails.Check(email);
        var profiles = await _users.FindByEmailAsync(email, cancellationToken).ConfigureAwait(false);
        if (profiles.Count > 0)
        {
            return profiles;
        }

        var normalized = email.Trim().ToLowerInvariant();
        try
        {
            return [await _users.CreateAsync(PendingIssuer, normalized, normalized, displayName: null, cancellationToken).ConfigureAwait(false)];
        }
        catch (GhStatsConflictException)
        {
            return await _users.FindByEmailAsync(email, cancellationToken).ConfigureAwait(false);
        }
    }
}
