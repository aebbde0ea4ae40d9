using Microsoft.AspNetCore.Http;

namespace GhStats.Web.Transfers;

/// <summary>
/// The multipart form of the restore routes, for the OpenAPI document only: the endpoint streams <see cref="File"/> to
/// the transfer service without holding it.
/// </summary>
internal sealed class RestoreForm
{
    /// <summary>Report only and write nothing: <c>true</c> (the default) or <c>false</c>.</summary>
    public bool? DryRun { get; init; }

    /// <summary>A GhStats archive (from an export); the last part of the form.</summary>
    public required IFormFile File { get; init; }
}
