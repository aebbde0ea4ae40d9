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
    /// A PKCS#12 (.pfx) file with a private key that encrypts the Data Protection keys stored in the database. Without one the
    /// keys are stored unencrypted, readable by whoever reads the database.
    /// </summary>
    public string? KeyCertificatePath { get; set; }

    /// <summary>The password of <see cref="KeyCertificatePath"/>, if it has one.</summary>
    public string? KeyCertificatePassword { get; set; }
}
