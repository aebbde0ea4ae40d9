using System.Globalization;

namespace GhStats.Storage.Relational;

/// <summary>Checks what callers hand the stores, so bad input fails with a message that says what and where, before anything is written.</summary>
internal static class Input
{
    /// <summary>GitHub's traffic API did not exist before this day; anything earlier is a mistake.</summary>
    public static readonly DateOnly EarliestDay = new(2008, 1, 1);

    public static string Required(string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{field} is required.", field);
        }

        return Fits(value, field, maxLength);
    }

    public static string? Optional(string? value, string field, int maxLength) =>
        string.IsNullOrEmpty(value) ? null : Fits(value, field, maxLength);

    /// <summary>Cuts a text that records what already happened to its column's length, ending it with an ellipsis, rather than refusing the record.</summary>
    public static string? Cut(string? text, int maxLength) =>
        text is null ? null : text.Length > maxLength ? text[..(maxLength - 1)] + "…" : text;

    public static string Email(string? value, string field)
    {
        var email = Required(value, field, FieldLimits.Email).Trim();
        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != email.LastIndexOf('@') || at == email.Length - 1 || email.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException($"{field} '{email}' is not an email address.", field);
        }

        return email.ToLowerInvariant();
    }

    /// <summary>A supported language spelt as <see cref="GhStatsLanguages.Supported"/> does, or null for none.</summary>
    public static string? Language(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return GhStatsLanguages.Normalize(value) ?? throw new ArgumentException(
            $"{field} '{Cut(value, FieldLimits.Language)}' is not a supported language; use one of {string.Join(", ", GhStatsLanguages.Supported)}.", field);
    }

    public static int Count(int value, string field, long repositoryId, DateOnly day)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(
                field, value, string.Create(CultureInfo.InvariantCulture, $"{field} of repository {repositoryId} on {day:yyyy-MM-dd} is negative ({value})."));
        }

        return value;
    }

    public static void UniquesWithinTotal(int total, int uniques, string field, long repositoryId, DateOnly day)
    {
        if (uniques > total)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{field} of repository {repositoryId} on {day:yyyy-MM-dd} ({uniques}) exceed the total ({total})."),
                field);
        }
    }

    public static DateOnly Day(DateOnly day, string field, long repositoryId, DateOnly today)
    {
        // Tomorrow is allowed: a collector in a time zone ahead of UTC may read GitHub's newest day early.
        if (day < EarliestDay || day > today.AddDays(1))
        {
            throw new ArgumentOutOfRangeException(
                field, day, string.Create(CultureInfo.InvariantCulture, $"{field} {day:yyyy-MM-dd} of repository {repositoryId} is outside {EarliestDay:yyyy-MM-dd}..{today.AddDays(1):yyyy-MM-dd}."));
        }

        return day;
    }

    private static string Fits(string value, string field, int maxLength)
    {
        if (value.Length > maxLength)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{field} is {value.Length} characters long; at most {maxLength} fit."), field);
        }

        return value;
    }
}
