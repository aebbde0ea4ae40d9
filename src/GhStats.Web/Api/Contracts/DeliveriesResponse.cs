namespace GhStats.Web.Api.Contracts;

/// <summary>A page of the delivery log, newest first; <c>nextBefore</c> asks for the next page, null on the last.</summary>
internal sealed record DeliveriesResponse(IReadOnlyList<DeliveryResponse> Deliveries, long? NextBefore);
