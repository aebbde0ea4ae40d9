using GhStats.Administration;
using GhStats.Domain;
using GhStats.Stores;
using GhStats.Web.Auditing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GhStats.Web.Identity;

/// <summary>
/// Maps a signed-in identity to its profile by issuer and subject. An unknown identity gets a profile only through a
/// verified email: one an invitation or <c>GhStats:Bootstrap:AdminEmails</c> names, or one a host command set up ahead
/// of the first sign-in. Nobody else gets in.
/// </summary>
internal sealed partial class ProfileBinder(
    IUserStore users,
    IMembershipStore memberships,
    IOptionsMonitor<GhStatsBootstrapOptions> bootstrap,
    AccessCache access,
    AuditTrail audit,
    ILogger<ProfileBinder> logger)
{
    /// <summary>The issuer of profiles made ahead of their first sign-in; a verified email claims them.</summary>
    public const string PendingIssuer = GhStatsAdministration.PendingIssuer;

    /// <summary>The issuer of development sign-ins.</summary>
    public const string DevelopmentIssuer = "urn:ghstats:development";

    public async Task<ProfileBinding> AdmitAsync(SignInIdentity identity, CancellationToken cancellationToken)
    {
        var profile = await users.FindByIdentityAsync(identity.Issuer, identity.Subject, cancellationToken)
            ?? await ClaimPendingAsync(identity, cancellationToken);
        if (profile is null)
        {
            if (identity.VerifiedEmail is not { } email)
            {
                LogRefusedUnverified(logger, identity.Issuer, identity.Subject, string.IsNullOrWhiteSpace(identity.Email));
                return ProfileBinding.Refused(string.IsNullOrWhiteSpace(identity.Email)
                    ? "Your identity provider sent no email address, so GhStats cannot match you to an invitation."
                    : $"Your identity provider has not verified {identity.Email}, so GhStats cannot match it to an invitation.");
            }

            var invited = await memberships.ListInvitationsForEmailAsync(email, cancellationToken);
            if (invited.Count == 0 && !IsBootstrapAdmin(email))
            {
                LogRefusedNotInvited(logger, identity.Issuer, identity.Subject);
                return ProfileBinding.Refused($"There is no invitation for {email}. Ask an owner of a GhStats tenant to invite you.");
            }

            profile = await CreateAsync(identity, email, cancellationToken);
        }

        // The bootstrap role is granted at a profile's first sign-in only: an admin who later takes it away is obeyed.
        var firstSignIn = profile.LastLoginAt is null;
        profile = await users.RecordSignInAsync(profile.Id, identity.VerifiedEmail, identity.DisplayName, cancellationToken);
        if (identity.VerifiedEmail is { } verified)
        {
            var accepted = await memberships.AcceptInvitationsAsync(profile.Id, verified, cancellationToken);
            foreach (var membership in accepted)
            {
                await audit.RecordAsync(new AuditActor(AuditActorKind.User, profile.Id, verified), AuditActions.InvitationAccepted, membership.TenantId, AuditTargets.Member(verified), $"role={Api.WireNames.Of(membership.Role)}");
            }
            if (firstSignIn && IsBootstrapAdmin(verified))
            {
                await users.AddSystemRoleAsync(profile.Id, SystemRole.Admin, cancellationToken);
                LogBootstrapAdmin(logger, profile.Id);
            }
        }

        // Accepted invitations and a bootstrap admin role apply to this profile's very next request.
        access.Invalidate();
        return ProfileBinding.Admitted(profile);
    }

    private async Task<UserProfile?> ClaimPendingAsync(SignInIdentity identity, CancellationToken cancellationToken)
    {
        if (identity.VerifiedEmail is not { } email)
        {
            return null;
        }

        var pending = (await users.FindByEmailAsync(email, cancellationToken)).FirstOrDefault(p => p.Issuer == PendingIssuer);
        return pending is null ? null : await users.BindIdentityAsync(pending.Id, identity.Issuer, identity.Subject, cancellationToken);
    }

    private async Task<UserProfile> CreateAsync(SignInIdentity identity, string email, CancellationToken cancellationToken)
    {
        try
        {
            return await users.CreateAsync(identity.Issuer, identity.Subject, email, identity.DisplayName, cancellationToken);
        }
        catch (GhStatsConflictException)
        {
            // The same person's first sign-in ran twice at once (two tabs, two replicas): the other one made the profile.
            return await users.FindByIdentityAsync(identity.Issuer, identity.Subject, cancellationToken)
                ?? throw new InvalidOperationException($"The profile of {identity.Issuer} {identity.Subject} conflicts but cannot be found.");
        }
    }

    private bool IsBootstrapAdmin(string email) =>
        bootstrap.CurrentValue.AdminEmails.Any(admin => string.Equals(admin.Trim(), email, StringComparison.OrdinalIgnoreCase));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Profile {UserId} became a system admin at its first sign-in: its verified email is in GhStats:Bootstrap:AdminEmails")]
    private static partial void LogBootstrapAdmin(ILogger logger, long userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in refused for {Issuer} {Subject}: no verified email (no email at all: {NoEmail})")]
    private static partial void LogRefusedUnverified(ILogger logger, string issuer, string subject, bool noEmail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in refused for {Issuer} {Subject}: no invitation for the verified email, and not a bootstrap admin")]
    private static partial void LogRefusedNotInvited(ILogger logger, string issuer, string subject);
}
