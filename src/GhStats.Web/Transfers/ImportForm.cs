using Microsoft.AspNetCore.Http;

namespace GhStats.Web.Transfers;

/// <summary>
/// The multipart form of <c>POST /tenants/{tenant}/imports</c>, for the OpenAPI document only: the endpoint reads the
/// parts itself, in order, and streams <see cref="File"/> to the transfer service without holding it.
/// </summary>
internal sealed class ImportForm
{
    /// <summary>The source's name, from <c>GET /tenants/{tenant}/import-sources</c>.</summary>
    public required string Source { get; init; }

    /// <summary>Report only and write nothing: <c>true</c> (the default) or <c>false</c>.</summary>
    public bool? DryRun { get; init; }

    /// <summary>Create repositories not tracked yet as history only (kept, not collected): <c>true</c> or <c>false</c> (the default).</summary>
    public bool? HistoryOnly { get; init; }

    /// <summary>Names for repositories the source knows only by its own key: one <c>key=owner/name</c> per line.</summary>
    public string? RepositoryNames { get; init; }

    /// <summary>The source's file, or a zip of its files or directory; the last part of the form.</summary>
    public required IFormFile File { get; init; }
}
