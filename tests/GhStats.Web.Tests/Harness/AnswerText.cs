using System.Globalization;

namespace GhStats.Web.Tests.Harness;

/// <summary>An answer as one comparable text, for tests that two answers are byte for byte alike.</summary>
public static class AnswerText
{
    /// <summary>Status, the headers that describe the answer (all but Date) and the body.</summary>
    public static async Task<string> DescribeAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var headers = response.Headers.Concat(response.Content.Headers)
            .Where(h => !h.Key.Equals("Date", StringComparison.OrdinalIgnoreCase))
            .OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
            .Select(h => $"{h.Key}: {string.Join(",", h.Value)}");
        var body = await response.Content.ReadAsStringAsync();
        return string.Create(CultureInfo.InvariantCulture, $"{(int)response.StatusCode}\n{string.Join("\n", headers)}\n\n{body}");
    }
}
