using System.Text.Json;
using System.Text.Json.Serialization;
using GhStats.Client.Models;

namespace GhStats.Client;

/// <summary>Source-generated JSON for every model on the wire: camelCase, dates as yyyy-MM-dd, as the server writes them.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CurrentUser))]
[JsonSerializable(typeof(IReadOnlyList<ApiToken>))]
[JsonSerializable(typeof(CreateTokenRequest))]
[JsonSerializable(typeof(CreatedApiToken))]
[JsonSerializable(typeof(IReadOnlyList<Tenant>))]
[JsonSerializable(typeof(Tenant))]
[JsonSerializable(typeof(CreateTenantRequest))]
[JsonSerializable(typeof(UpdateTenantRequest))]
[JsonSerializable(typeof(TenantMembers))]
[JsonSerializable(typeof(AuditLog))]
[JsonSerializable(typeof(SetMemberRequest))]
[JsonSerializable(typeof(MembershipChange))]
[JsonSerializable(typeof(IReadOnlyList<GitHubConnection>))]
[JsonSerializable(typeof(GitHubConnection))]
[JsonSerializable(typeof(CreateConnectionRequest))]
[JsonSerializable(typeof(ConnectionCheck))]
[JsonSerializable(typeof(IReadOnlyList<TrackedOwner>))]
[JsonSerializable(typeof(TrackedOwner))]
[JsonSerializable(typeof(TrackOwnerRequest))]
[JsonSerializable(typeof(IReadOnlyList<TrackedRepository>))]
[JsonSerializable(typeof(TrackedRepository))]
[JsonSerializable(typeof(TrackRepositoryRequest))]
[JsonSerializable(typeof(HorizonOverview))]
[JsonSerializable(typeof(TrafficSeries))]
[JsonSerializable(typeof(ReferrerReport))]
[JsonSerializable(typeof(PathReport))]
[JsonSerializable(typeof(RepositoryStats))]
[JsonSerializable(typeof(TrafficSummary))]
[JsonSerializable(typeof(CollectRequest))]
[JsonSerializable(typeof(CollectionRun))]
[JsonSerializable(typeof(IReadOnlyList<CollectionRun>))]
internal sealed partial class GhStatsJsonContext : JsonSerializerContext;
