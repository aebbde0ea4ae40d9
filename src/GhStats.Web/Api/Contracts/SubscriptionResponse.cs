namespace GhStats.Web.Api.Contracts;

/// <summary>A person's email subscription in one tenant they see; empty <c>topics</c> when they receive nothing from it.</summary>
internal sealed record SubscriptionResponse(string Tenant, string TenantName, IReadOnlyList<string> Topics);
