using GhStats.Domain;

namespace GhStats.Stores;

/// <summary>User profiles and system roles.</summary>
public interface IUserStore
{
    /// <summary>Creates a profile for an identity.</summary>
    /// <param name="issuer">The identity's issuer.</param>
    /// <param name="subject">The identity's subject.</param>
    /// <param name="email">Its verified email, if any; stored lower-case.</param>
    /// <param name="displayName">A name to show, if any.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="ArgumentException">When a value is empty or too long.</exception>
    /// <exception cref="GhStatsConflictException">When a profile exists for the identity.</exception>
    Task<UserProfile> CreateAsync(string issuer, string subject, string? email, string? displayName, CancellationToken cancellationToken = default);

    /// <summary>Finds the profile of an identity.</summary>
    /// <param name="issuer">The issuer.</param>
    /// <param name="subject">The subject.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The profile, or null.</returns>
    Task<UserProfile?> FindByIdentityAsync(string issuer, string subject, CancellationToken cancellationToken = default);

    /// <summary>Reads a profile.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The profile, or null.</returns>
    Task<UserProfile?> FindAsync(long userId, CancellationToken cancellationToken = default);

    /// <summary>Finds the profiles with an email (several identities may share one).</summary>
    /// <param name="email">The email, any case.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The profiles.</returns>
    Task<IReadOnlyList<UserProfile>> FindByEmailAsync(string email, CancellationToken cancellationToken = default);

    /// <summary>Lists every profile, by email.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The profiles.</returns>
    Task<IReadOnlyList<UserProfile>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Records a sign-in, refreshing the email and display name the provider gave.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="email">The verified email now, if any.</param>
    /// <param name="displayName">The display name now, if any.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated profile.</returns>
    /// <exception cref="GhStatsNotFoundException">When the user does not exist.</exception>
    Task<UserProfile> RecordSignInAsync(long userId, string? email, string? displayName, CancellationToken cancellationToken = default);

    /// <summary>Stores the language a person chose for pages, digests and alerts; null clears the choice.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="language">One of <see cref="GhStatsLanguages.Supported"/>, any case (stored as that list spells it), or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated profile.</returns>
    /// <exception cref="ArgumentException">When the language is not supported.</exception>
    /// <exception cref="GhStatsNotFoundException">When the user does not exist.</exception>
    Task<UserProfile> SetLanguageAsync(long userId, string? language, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves a profile to another sign-in identity, keeping its id, roles, memberships, grants and tokens;
    /// binding it to the identity it already has changes nothing.
    /// </summary>
    /// <remarks>
    /// For a profile created ahead of its first sign-in (by a host command, under a placeholder identity)
    /// that is then claimed by a sign-in with its verified email.
    /// </remarks>
    /// <param name="userId">The user.</param>
    /// <param name="issuer">The new identity's issuer.</param>
    /// <param name="subject">The new identity's subject.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated profile.</returns>
    /// <exception cref="ArgumentException">When a value is empty or too long.</exception>
    /// <exception cref="GhStatsNotFoundException">When the user does not exist.</exception>
    /// <exception cref="GhStatsConflictException">When another profile has the identity.</exception>
    Task<UserProfile> BindIdentityAsync(long userId, string issuer, string subject, CancellationToken cancellationToken = default);

    /// <summary>Reads a user's system roles.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The roles.</returns>
    Task<IReadOnlySet<SystemRole>> GetSystemRolesAsync(long userId, CancellationToken cancellationToken = default);

    /// <summary>Gives a user a system role; giving it twice changes nothing.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="role">The role.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once stored.</returns>
    /// <exception cref="GhStatsNotFoundException">When the user does not exist.</exception>
    Task AddSystemRoleAsync(long userId, SystemRole role, CancellationToken cancellationToken = default);

    /// <summary>Takes a system role away; when the user had it, their sessions end (see <see cref="EndSessionsAsync"/>).</summary>
    /// <param name="userId">The user.</param>
    /// <param name="role">The role.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when the user had it.</returns>
    Task<bool> RemoveSystemRoleAsync(long userId, SystemRole role, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads a user's session stamp: a session carries the stamp it was signed in with and is honoured only while the
    /// stamp is unchanged. Removing a membership, changing a member's role, revoking a grant or a system role change it too.
    /// </summary>
    /// <param name="userId">The user.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stamp, or null when the user does not exist.</returns>
    Task<long?> GetSessionStampAsync(long userId, CancellationToken cancellationToken = default);

    /// <summary>Ends every session of a user, on every replica, by changing the session stamp; an unknown user changes nothing.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once stored.</returns>
    Task EndSessionsAsync(long userId, CancellationToken cancellationToken = default);
}
