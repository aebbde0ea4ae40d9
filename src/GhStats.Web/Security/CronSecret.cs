using System.Security.Cryptography;
using System.Text;

namespace GhStats.Web.Security;

/// <summary>Compares a presented cron secret with the configured one in constant time.</summary>
internal static class CronSecret
{
    public static bool Matches(string? configured, string? presented)
    {
        if (string.IsNullOrEmpty(configured) || string.IsNullOrEmpty(presented))
        {
            return false;
        }

        // Hashing first gives equal lengths, so neither the content nor the length of the secret leaks through timing.
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(configured.Trim()));
        var actual = SHA256.HashData(Encoding.UTF8.GetBytes(presented.Trim()));
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
