namespace GhStats.Web.Api.Contracts;

/// <summary>Sets what a person receives by email from a tenant; an empty list removes the subscription.</summary>
internal sealed record SetSubscriptionRequest(IReadOnlyList<string>? Topics);
