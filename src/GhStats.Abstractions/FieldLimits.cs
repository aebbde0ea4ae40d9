namespace GhStats;

/// <summary>The longest value each text column holds; the stores refuse longer ones with a clear error.</summary>
public static class FieldLimits
{
    /// <summary>Tenant slug.</summary>
    public const int TenantSlug = 64;

    /// <summary>Tenant display name.</summary>
    public const int TenantName = 200;

    /// <summary>OpenID Connect issuer.</summary>
    public const int Issuer = 400;

    /// <summary>OpenID Connect subject.</summary>
    public const int Subject = 255;

    /// <summary>An email address (RFC 5321 path limit).</summary>
    public const int Email = 254;

    /// <summary>A person's display name.</summary>
    public const int DisplayName = 200;

    /// <summary>A language's culture name (a person's or a notification channel's), e.g. "pt-BR".</summary>
    public const int Language = 16;

    /// <summary>GitHub owner (user or organisation) name; GitHub allows 39.</summary>
    public const int RepositoryOwner = 39;

    /// <summary>GitHub repository name; GitHub allows 100.</summary>
    public const int RepositoryName = 100;

    /// <summary>A repository's last collection status.</summary>
    public const int RepositoryStatus = 40;

    /// <summary>GitHub connection label.</summary>
    public const int ConnectionName = 100;

    /// <summary>GitHub API base address.</summary>
    public const int ApiBaseUrl = 400;

    /// <summary>Encrypted GitHub secret (a PEM App key grows under encryption).</summary>
    public const int ProtectedSecret = 8000;

    /// <summary>A referrer; kept within index-key limits of every supported database.</summary>
    public const int Referrer = 250;

    /// <summary>A popular path; kept within index-key limits of every supported database.</summary>
    public const int Path = 400;

    /// <summary>A popular path's page title.</summary>
    public const int PathTitle = 400;

    /// <summary>A release's tag (git allows longer; longer ones are cut when read).</summary>
    public const int ReleaseTag = 255;

    /// <summary>A release's title (longer ones are cut when read).</summary>
    public const int ReleaseName = 400;

    /// <summary>A release asset's file name (GitHub allows 255).</summary>
    public const int AssetName = 255;

    /// <summary>Who asked for a collection run.</summary>
    public const int RequestedBy = 254;

    /// <summary>A collection error's message.</summary>
    public const int ErrorMessage = 2000;

    /// <summary>An API token's label.</summary>
    public const int TokenName = 100;

    /// <summary>An API token's hash (hex or base64 of a 256- or 512-bit digest).</summary>
    public const int TokenHash = 128;

    /// <summary>A lease name.</summary>
    public const int LeaseName = 100;

    /// <summary>A lease holder.</summary>
    public const int LeaseHolder = 200;

    /// <summary>A collection lane's key within its run (<c>{tenantId}:{connectionId}</c>).</summary>
    public const int CollectionLaneKey = 64;

    /// <summary>Why a collection lane deferred repositories; longer reasons are cut.</summary>
    public const int CollectionLaneDeferredBecause = 400;

    /// <summary>A Data Protection key name.</summary>
    public const int DataProtectionKeyName = 200;

    /// <summary>A Data Protection key's XML (about 1 KB in practice).</summary>
    public const int DataProtectionKeyXml = 100_000;

    /// <summary>An audit entry's actor name (an email with the token that acted).</summary>
    public const int AuditActor = 400;

    /// <summary>An audit entry's action name.</summary>
    public const int AuditAction = 64;

    /// <summary>An audit entry's target kind.</summary>
    public const int AuditTargetKind = 40;

    /// <summary>An audit entry's target id.</summary>
    public const int AuditTargetId = 254;

    /// <summary>An audit entry's target name.</summary>
    public const int AuditTargetName = 400;

    /// <summary>An audit entry's details.</summary>
    public const int AuditDetails = 2000;

    /// <summary>A client address (IPv6 with zone fits).</summary>
    public const int ClientAddress = 64;

    /// <summary>A notification channel's name.</summary>
    public const int ChannelName = 100;

    /// <summary>An email channel's comma-separated recipients.</summary>
    public const int ChannelRecipients = 2000;

    /// <summary>A notification event's kind (e.g. <c>digest.weekly</c>).</summary>
    public const int NotificationKind = 64;

    /// <summary>A notification event's key, unique per tenant (a condition's key with a suffix).</summary>
    public const int NotificationKey = 200;

    /// <summary>A notification event's JSON payload.</summary>
    public const int NotificationPayload = 1_000_000;

    /// <summary>A trouble condition's key, unique per tenant.</summary>
    public const int ConditionKey = 160;

    /// <summary>A trouble condition's one-line summary; longer ones are cut.</summary>
    public const int ConditionSummary = 400;

    /// <summary>A delivery attempt's outcome in the delivery log; longer ones are cut.</summary>
    public const int DeliveryOutcome = 1000;

    /// <summary>Why GitHub limited a repository's stargazers list, as stored with its star backfill; longer ones are cut.</summary>
    public const int StarBackfillLimitReason = 500;

    /// <summary>An annotation's text: a sentence or two on what happened that day.</summary>
    public const int AnnotationText = 500;

    /// <summary>An annotation's link (an absolute http or https address).</summary>
    public const int AnnotationLink = 2000;

    /// <summary>A public dashboard's title.</summary>
    public const int DashboardTitle = 120;

    /// <summary>A public dashboard's address segment.</summary>
    public const int DashboardSlug = 64;

    /// <summary>The origins allowed to frame a public dashboard, separated by spaces.</summary>
    public const int DashboardFrameOrigins = 2000;

    /// <summary>The name of a conditional GitHub read, as the collector keys its entity tags (e.g. <c>views.day</c>).</summary>
    public const int GitHubReadName = 40;

    /// <summary>A GitHub entity tag (<c>ETag</c>), quotes and <c>W/</c> included; GitHub's are about 70 characters.</summary>
    public const int GitHubETag = 200;

    /// <summary>A transfer job's source: an import source's command name (e.g. <c>ibm-csv</c>), or <c>archive</c>.</summary>
    public const int TransferSource = 64;

    /// <summary>A transfer job's uploaded file name, as shown; longer ones are cut.</summary>
    public const int TransferFileName = 255;

    /// <summary>What a transfer job does now, in a few words (e.g. <c>writing repositories</c>).</summary>
    public const int TransferPhase = 200;

    /// <summary>A finished transfer job's report (JSON); a CLOB on Db2, text elsewhere.</summary>
    public const int TransferReport = 16_000_000;
}
