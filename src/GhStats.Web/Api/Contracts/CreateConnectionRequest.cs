namespace GhStats.Web.Api.Contracts;

/// <summary>Adds a GitHub connection: kind pat with a token, or kind app with an App id, installation id and private key (PEM).</summary>
internal sealed record CreateConnectionRequest(string? Name, string? Kind, string? ApiBaseUrl, string? Token, long? AppId, long? InstallationId, string? PrivateKey);
