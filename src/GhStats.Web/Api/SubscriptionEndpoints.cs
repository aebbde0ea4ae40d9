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

namespace GhStats.Web.Api;

/// <summary>
/// <c>/me/subscriptions</c>: what a person receives by email (to their profile's address) from each tenant they see
/// something in; a tenant they do not see answers 404.
/// </summary>
internal static class SubscriptionEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/me/subscriptions", ListAsync).WithName("ListSubscriptions")
            .WithSummary("Every tenant the caller sees, with the topics they receive from it by email (empty when none).");
        api.MapPut("/me/subscriptions/{tenant}", SetAsync).WithName("SetSubscription")
            .WithSummary("Sets the topics the caller receives by email from a tenant; an empty list removes the subscription.")
            .Accepts<SetSubscriptionRequest>("application/json").Produces<SubscriptionResponse>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<List<SubscriptionResponse>>> ListAsync(HttpContext http, ApiAccess access, [FromServices] INotificationStore notifications)
    {
        var caller = await access.CallerAsync();
        var tenants = await access.VisibleTenantsAsync();
        var topics = (await notifications.ListSubscriptionsAsync(caller.User.Id, http.RequestAborted)).ToDictionary(s => s.TenantId, s => s.Topics);
        return TypedResults.Ok(tenants.OrderBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(t => new SubscriptionResponse(t.Slug, t.Name, WireNames.Of(topics.GetValueOrDefault(t.Id))))
            .ToList());
    }

    private static async Task<Ok<SubscriptionResponse>> SetAsync(string tenant, HttpContext http, ApiAccess access, [FromServices] INotificationStore notifications)
    {
        var caller = await access.CallerAsync();
        var found = await access.VisibleTenantAsync(tenant);
        var request = await ApiBody.ReadAsync<SetSubscriptionRequest>(http);
        var topics = ChannelInput.TopicsOf(request.Topics, out var error);
        if (error is not null)
        {
            throw ApiProblems.InvalidUntranslated(error);
        }

        var before = (await notifications.ListSubscriptionsAsync(caller.User.Id, http.RequestAborted)).FirstOrDefault(s => s.TenantId == found.Id)?.Topics ?? NotificationTopics.None;
        await notifications.SetSubscriptionAsync(caller.User.Id, found.Id, topics, http.RequestAborted);
        if (before != topics)
        {
            await AuditTrail.Of(http).RecordAsync(AuditActions.SubscriptionChanged, found.Id, AuditTargets.Subscription(found),
                $"topics={Names(before)} -> {Names(topics)}");
        }

        return TypedResults.Ok(new SubscriptionResponse(found.Slug, found.Name, WireNames.Of(topics)));
    }

    private static string Names(NotificationTopics topics) => topics == NotificationTopics.None ? "none" : string.Join(",", WireNames.Of(topics));
}
