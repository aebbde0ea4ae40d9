namespace GhStats.Domain;

/// <summary>How GhStats authenticates to GitHub for a connection.</summary>
public enum GitHubConnectionKind
{
    /// <summary>A personal access token (classic or fine-grained).</summary>
    PersonalAccessToken = 1,

    /// <summary>A GitHub App installation (app id, private key, installation id).</summary>
    App = 2,
}
