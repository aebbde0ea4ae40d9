using System.Data.Common;
using GhStats.Domain;
using GhStats.Stores;
using GhStats.Web.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GhStats.Web.Auditing;

/// <summary>
/// Records a completed change in the audit log, with the caller of the current request as the actor and its client
/// address. Endpoints call it after the change succeeded (refusals are not changes). Details never carry secrets:
/// callers pass names, ids and roles only.
/// </summary>
internal sealed partial class AuditTrail(IHttpContextAccessor accessor, IAuditStore store, ILogger<AuditTrail> logger)
{
    private HttpContext Http => accessor.HttpContext ?? throw new InvalidOperationException("AuditTrail is used outside a request.");

    /// <summary>The trail of the request's services.</summary>
    public static AuditTrail Of(HttpContext http) => http.RequestServices.GetRequiredService<AuditTrail>();

    /// <summary>Records what the signed-in caller (a session or a personal API token) just did.</summary>
    public async Task RecordAsync(string action, long? tenantId, AuditTarget? target = null, string? details = null)
    {
        // Resolved per request: the caller resolver reaches the profile binder, which records accepted invitations here.
        var http = Http;
        var caller = await http.RequestServices.GetRequiredService<CallerResolver>().ResolveAsync(http)
            ?? throw new InvalidOperationException($"An audited change ({action}) was made without a resolved caller.");
        await RecordAsync(ActorOf(caller), action, tenantId, target, details);
    }

    /// <summary>Records what a named actor did, e.g. the cron scheduler, or a person while signing in; the client address is the request's, if any.</summary>
    public async Task RecordAsync(AuditActor actor, string action, long? tenantId, AuditTarget? target = null, string? details = null)
    {
        var entry = new NewAuditEntry(actor, tenantId, action, target, details, accessor.HttpContext?.Connection.RemoteIpAddress?.ToString());
        try
        {
            await store.AppendAsync(entry, CancellationToken.None);
        }
        catch (DbException exception)
        {
            // The change is committed; failing the request now would make the caller retry what is already done.
            // The log line carries the whole entry so an operator can restore it.
            LogNotRecorded(logger, exception, action, actor.Name, tenantId, target?.Kind, target?.Id, target?.Name, details, entry.ClientAddress);
        }
    }

    public static AuditActor ActorOf(GhStatsCaller caller)
    {
        var user = caller.User;
        var name = user.Email ?? user.DisplayName ?? $"user {user.Id}";
        return caller.TokenId is { } tokenId
            ? new AuditActor(AuditActorKind.ApiToken, user.Id, $"{name} (API token {tokenId})")
            : new AuditActor(AuditActorKind.User, user.Id, name);
    }

    [LoggerMessage(Level = LogLevel.Error,
        Message = "An audit entry could not be stored: {Action} by {Actor} in tenant {TenantId} on {TargetKind} {TargetId} {TargetName} ({Details}) from {ClientAddress}")]
    private static partial void LogNotRecorded(
        ILogger logger, Exception exception, string action, string actor, long? tenantId, string? targetKind, string? targetId, string? targetName, string? details, string? clientAddress);
}
