namespace GhStats.Storage;

/// <summary>
/// How the Data Protection key ring that GhStats keeps in its database is protected at rest, bound from
/// <c>GhStats:DataProtection</c> and then from <c>ConfigureDataProtection(...)</c> on the builder.
/// </summary>
public sealed class GhStatsDataProtectionOptions
{
    /// <summary>The configuration section, under "GhStats".</summary>
    public const string SectionName = "DataProtection";

    /// <summary>
    /// A PKCS#12 (.pfx) file with a private key that encrypts the Data Protection keys stored in the database; every replica
    /// must use the same one. Without one, Production creates <see cref="GeneratedKeyCertificatePath"/> on first start
    /// (unless <see cref="AllowUnencryptedKeys"/>), and other environments store the keys unencrypted.
    /// </summary>
    public string? KeyCertificatePath { get; set; }

    /// <summary>The password of <see cref="KeyCertificatePath"/>, if it has one.</summary>
    public string? KeyCertificatePassword { get; set; }

    /// <summary>
    /// Where Production creates (on first start) and then reads its own key-encryption certificate when
    /// <see cref="KeyCertificatePath"/> is not set; defaults to <c>{LocalApplicationData}/GhStats/DataProtection/key-encryption.pfx</c>.
    /// Keep it outside the database and back it up separately: without it the stored tokens, keys and sessions cannot be read.
    /// </summary>
    public string? GeneratedKeyCertificatePath { get; set; }

    /// <summary>
    /// Opts out, in Production, of encrypting the Data Protection keys at rest when <see cref="KeyCertificatePath"/> is not set:
    /// whoever reads the database (or a backup of it) can then decrypt every stored secret and forge session cookies.
    /// </summary>
    public bool AllowUnencryptedKeys { get; set; }
}
