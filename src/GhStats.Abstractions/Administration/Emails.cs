namespace GhStats.Administration;

/// <summary>The shape check of an email address given to an administrative operation.</summary>
internal static class Emails
{
    private static readonly System.Buffers.SearchValues<char> Forbidden = System.Buffers.SearchValues.Create(" ,;<>\"");

    public static void Check(string email)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        if (!IsValid(email))
        {
            throw new ArgumentException($"'{email}' is not an email address.", nameof(email));
        }
    }

    public static bool IsValid(string? email)
    {
        var trimmed = email?.Trim() ?? string.Empty;
        var at = trimmed.IndexOf('@', StringComparison.Ordinal);
        return trimmed.Length is > 0 and <= FieldLimits.Email && at > 0 && at < trimmed.Length - 1 && trimmed.AsSpan().IndexOfAny(Forbidden) < 0;
    }
}
