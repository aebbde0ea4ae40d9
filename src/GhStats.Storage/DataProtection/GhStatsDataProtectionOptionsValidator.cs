using Microsoft.Extensions.Options;

namespace GhStats.Storage.DataProtection;

/// <summary>Checks at start that the key-encryption certificate, if one is configured, can be loaded with its private key.</summary>
internal sealed class GhStatsDataProtectionOptionsValidator : IValidateOptions<GhStatsDataProtectionOptions>
{
    public ValidateOptionsResult Validate(string? name, GhStatsDataProtectionOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.KeyCertificatePath))
        {
            if (!string.IsNullOrEmpty(options.KeyCertificatePassword))
            {
                failures.Add("GhStats:DataProtection:KeyCertificatePassword is set but GhStats:DataProtection:KeyCertificatePath is not: give the .pfx file the password belongs to.");
            }
        }
        else if (!File.Exists(options.KeyCertificatePath))
        {
            failures.Add($"GhStats:DataProtection:KeyCertificatePath '{options.KeyCertificatePath}' does not exist.");
        }
        else
        {
            try
            {
                KeyCertificate.Load(options.KeyCertificatePath, options.KeyCertificatePassword).Dispose();
            }
            catch (InvalidOperationException exception)
            {
                failures.Add(exception.Message);
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
