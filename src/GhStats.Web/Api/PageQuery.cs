using System.Globalization;

namespace GhStats.Web.Api;

/// <summary>
/// Reads the <c>limit</c> and <c>before</c> of a paged log (the audit log, the delivery log). Both are read as text: a
/// typed parameter that fails to bind throws before the API's filters (a 500 in Development).
/// </summary>
internal static class PageQuery
{
    /// <summary>The page size: <paramref name="fallback"/> when absent, else 1 to <paramref name="max"/>.</summary>
    public static int Limit(string? limit, int fallback, int max)
    {
        var count = fallback;
        if (!string.IsNullOrWhiteSpace(limit)
            && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1 || count > max))
        {
            throw ApiProblems.Invalid("LimitInvalid", max, limit);
        }

        return count;
    }

    /// <summary>The id to page on from (the previous page's <c>nextBefore</c>), or null for the first page.</summary>
    /// <param name="before">The query value.</param>
    /// <param name="refusalKey">The refusal's key in ApiProblems.resx, which names what the log holds ("BeforeEntry", "BeforeDelivery").</param>
    public static long? Before(string? before, string refusalKey) =>
        string.IsNullOrWhiteSpace(before) ? null
        : long.TryParse(before, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id
        : throw ApiProblems.Invalid(refusalKey, before);
}
