using Microsoft.Extensions.Logging;

namespace GhStats.Storage.DataProtection;

/// <summary>What an operator needs to know about how the Data Protection keys are protected at rest.</summary>
internal static partial class KeyRingLog
{
    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message =
        "Data Protection keys in the database are encrypted with the key-encryption certificate {Path} (created now: {Created}). " +
        "Keep it outside the database and back it up separately: without it, stored GitHub tokens, App keys and sign-in sessions cannot be read back. " +
        "For several replicas, copy it to each and set GhStats:DataProtection:KeyCertificatePath.")]
    public static partial void UsingGeneratedCertificate(ILogger logger, string path, bool created);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Warning, Message =
        "GhStats:DataProtection:AllowUnencryptedKeys is true: Data Protection keys are stored unencrypted in the database, " +
        "so anyone with the database or a backup of it can decrypt every stored secret and forge sign-in cookies.")]
    public static partial void StoringUnencryptedKeys(ILogger logger);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Warning, Message =
        "Data Protection keys {Keys} were stored before key encryption was turned on and are still unencrypted in the database. " +
        "New keys are encrypted; to retire these, revoke them (IKeyManager.RevokeAllKeys) once every secret has been entered again, or wait until they expire and delete them.")]
    public static partial void UnencryptedKeysRemain(ILogger logger, string keys);

    [LoggerMessage(EventId = 7104, Level = LogLevel.Warning, Message =
        "The Data Protection key ring was not checked at start, because it could not be read: {Reason}")]
    public static partial void KeyRingNotChecked(ILogger logger, string reason);
}
