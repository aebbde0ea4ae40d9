using System.Globalization;
using System.Security.Cryptography;
using GhStats.Domain;
using GhStats.Stores;
using GhStats.Web.Api.Contracts;
using GhStats.Web.Auditing;
using GhStats.Web.Authorization;
using GhStats.Web.Notifications;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GhStats.Web.Api;

/// <summary>
/// <c>/tenants/{tenant}/channels</c> and <c>/tenants/{tenant}/deliveries</c>: a tenant's notification channels and
/// delivery log, for its owners. A channel's URL and signing secret go in and never come out; the signing secret is
/// shown once, in the answer that created it.
/// </summary>
internal static class NotificationEndpoints
{
    private const int DefaultPage = 50;
    private const int MaxPage = 500;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/tenants/{tenant}/channels", ListAsync).WithName("ListChannels")
            .WithSummary("Lists the tenant's notification channels: name, kind, topics and target (recipients, or only the URL's host).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/tenants/{tenant}/channels", AddAsync).WithName("CreateChannel")
            .WithSummary("Adds a webhook, Slack or email channel; a webhook's signing secret is in this answer only.")
            .Accepts<CreateChannelRequest>("application/json").Produces<CreatedChannelResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapDelete("/tenants/{tenant}/channels/{id:long}", DeleteAsync).WithName("DeleteChannel")
            .WithSummary("Deletes a channel; messages not yet delivered to it are dropped, its delivery log stays.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/tenants/{tenant}/channels/{id:long}/test", TestAsync).WithName("TestChannel")
            .WithSummary("Sends a test message to the channel now, through the same path as every delivery, and answers its delivery log line.")
            .Produces<DeliveryResponse>(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status501NotImplemented);
        api.MapGet("/tenants/{tenant}/channels/{id:long}/deliveries", ChannelDeliveriesAsync).WithName("ListChannelDeliveries")
            .WithSummary("One page of a channel's delivery log, newest first (limit, before).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/tenants/{tenant}/deliveries", DeliveriesAsync).WithName("ListDeliveries")
            .WithSummary("One page of the tenant's delivery log, every channel and subscriber, newest first (limit, before).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<List<ChannelResponse>>> ListAsync(
        string tenant, HttpContext http, ApiAccess access, [FromServices] INotificationStore notifications, ISecretProtector protector)
    {
        var found = await access.TenantAsync(tenant, TenantRole.Owner);
        var channels = await notifications.ListChannelsAsync(found.Id, http.RequestAborted);
        return TypedResults.Ok(channels.Select(c => ToResponse(c, protector)).ToList());
    }

    private static async Task<IResult> AddAsync(
        string tenant, HttpContext http, ApiAccess access, [FromServices] INotificationStore notifications, ISecretProtector protector,
        IOptionsMonitor<NotificationInputOptions> input)
    {
        var found = await access.TenantAsync(tenant, TenantRole.Owner);
        var caller = await access.CallerAsync();
        var request = await ApiBody.ReadAsync<CreateChannelRequest>(http);
        var createdBy = caller.User.Email ?? caller.User.DisplayName ?? caller.User.Subject;
        var checkedInput = ChannelInput.Check(found.Id, request, input.CurrentValue.AllowPrivateAddresses, protector, createdBy);
        if (checkedInput.Channel is null)
        {
            // The channel checks' messages stay English this round; the title is in the request's language.
            return TypedResults.ValidationProblem(checkedInput.Errors, string.Join(" ", checkedInput.Errors.Values.SelectMany(e => e)), title: ApiProblems.Text(http)["Title400"]);
        }

        var channel = await notifications.AddChannelAsync(checkedInput.Channel, http.RequestAborted);
        var shown = ToResponse(channel, protector);
        await AuditTrail.Of(http).RecordAsync(AuditActions.ChannelCreated, found.Id, AuditTargets.Channel(channel),
            $"kind={shown.Kind} topics={string.Join(",", shown.Topics)} target={shown.Target} language={shown.Language ?? "en"}");
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created($"{http.Request.PathBase}{http.Request.Path}/{channel.Id}",
            new CreatedChannelResponse(shown.Id, shown.Name, shown.Kind, shown.Topics, shown.Target, shown.CreatedAt, shown.CreatedBy, shown.Language, checkedInput.SigningSecret));
    }

    private static async Task<NoContent> DeleteAsync(string tenant, long id, HttpContext http, ApiAccess access, [FromServices] INotificationStore notifications)
    {
        var found = await access.TenantAsync(tenant, TenantRole.Owner);
        var channel = await notifications.GetChannelAsync(found.Id, id, http.RequestAborted);
        await notifications.DeleteChannelAsync(found.Id, id, http.RequestAborted);
        await AuditTrail.Of(http).RecordAsync(AuditActions.ChannelDeleted, found.Id, AuditTargets.Channel(channel), $"kind={WireNames.Of(channel.Kind)}");
        return TypedResults.NoContent();
    }

    private static async Task<Ok<DeliveryResponse>> TestAsync(string tenant, long id, HttpContext http, ApiAccess access, [FromServices] INotificationStore notifications)
    {
        var found = await access.TenantAsync(tenant, TenantRole.Owner);
        var channel = await notifications.GetChannelAsync(found.Id, id, http.RequestAborted);
        var tester = http.RequestServices.GetService<INotificationChannelTester>()
            ?? throw new ApiProblemException(StatusCodes.Status501NotImplemented, "NotificationsDisabled") { TitleKey = "TitleNotificationsDisabled" };
        var caller = await access.CallerAsync();
        var delivery = await tester.SendTestAsync(channel, AuditTrail.ActorOf(caller).Name, http.RequestAborted);
        await AuditTrail.Of(http).RecordAsync(AuditActions.ChannelTested, found.Id, AuditTargets.Channel(channel),
            $"succeeded={(delivery.Succeeded ? "true" : "false")} outcome={delivery.Outcome}");
        return TypedResults.Ok(ToResponse(delivery, channel.Name));
    }

    private static async Task<Ok<DeliveriesResponse>> ChannelDeliveriesAsync(
        string tenant, long id, string? limit, string? before, HttpContext http, ApiAccess access, [FromServices] INotificationStore notifications)
    {
        var found = await access.TenantAsync(tenant, TenantRole.Owner);
        var channel = await notifications.GetChannelAsync(found.Id, id, http.RequestAborted);
        return TypedResults.Ok(await PageAsync(found.Id, channel.Id, limit, before, http, notifications));
    }

    private static async Task<Ok<DeliveriesResponse>> DeliveriesAsync(
        string tenant, string? limit, string? before, HttpContext http, ApiAccess access, [FromServices] INotificationStore notifications)
    {
        var found = await access.TenantAsync(tenant, TenantRole.Owner);
        return TypedResults.Ok(await PageAsync(found.Id, null, limit, before, http, notifications));
    }

    private static async Task<DeliveriesResponse> PageAsync(long tenantId, long? channelId, string? limit, string? before, HttpContext http, INotificationStore notifications)
    {
        var count = PageQuery.Limit(limit, DefaultPage, MaxPage);
        var beforeId = PageQuery.Before(before, "BeforeDelivery");
        var lines = await notifications.ListDeliveriesAsync(tenantId, channelId, count, beforeId, http.RequestAborted);
        var names = (await notifications.ListChannelsAsync(tenantId, http.RequestAborted)).ToDictionary(c => c.Id, c => c.Name);
        return new DeliveriesResponse(
            lines.Select(d => ToResponse(d, d.ChannelId is { } c ? names.GetValueOrDefault(c) : null)).ToList(),
            lines.Count == count ? lines[^1].Id : null);
    }

    private static DeliveryResponse ToResponse(NotificationDelivery delivery, string? channelName) =>
        new(delivery.Id, delivery.EventId, delivery.Kind, delivery.ChannelId, channelName, delivery.UserId, delivery.Attempt, delivery.At,
            delivery.Succeeded, delivery.Outcome, delivery.WillRetry);

    private static ChannelResponse ToResponse(NotificationChannel channel, ISecretProtector protector) =>
        new(channel.Id, channel.Name, WireNames.Of(channel.Kind), WireNames.Of(channel.Topics), TargetOf(channel, protector), channel.CreatedAt, channel.CreatedBy, channel.Language);

    /// <summary>Where a channel delivers, without a secret: the recipients, or only the host of its URL (null when its secret cannot be read).</summary>
    private static string? TargetOf(NotificationChannel channel, ISecretProtector protector)
    {
        if (channel.Kind == NotificationChannelKind.Email)
        {
            return channel.Recipients?.Replace(",", ", ", StringComparison.Ordinal);
        }

        if (channel.ProtectedSecret is null)
        {
            return null;
        }

        try
        {
            return new Uri(NotificationChannelSecret.Parse(protector.Unprotect(channel.ProtectedSecret)).Url).Host;
        }
        catch (Exception e) when (e is CryptographicException or FormatException or UriFormatException)
        {
            return null;
        }
    }
}
