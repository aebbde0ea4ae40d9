using System.Globalization;
using GhStats.Domain;

namespace GhStats.Transfer.Import;

/// <summary>The checks every source's rows pass before they count: counts, days, uniques within totals, names.</summary>
internal static class SourceRows
{
    /// <summary>GitHub's traffic API did not exist before this day.</summary>
    public static readonly DateOnly EarliestDay = new(2008, 1, 1);

    /// <summary>Reads a whole non-negative count; pandas writes counts of a column with gaps as floats ("2.0").</summary>
    public static bool TryCount(string? text, out int count)
    {
        count = 0;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out count))
        {
            return true;
        }

        if (text.EndsWith(".0", StringComparison.Ordinal)
            && int.TryParse(text.AsSpan(0, text.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out count))
        {
            return true;
        }

        return false;
    }

    /// <summary>
    /// Checks a day's figures; returns why they are rejected, or null. The day must lie between GitHub's first traffic
    /// and today; unique visitors and cloners cannot exceed views and clones.
    /// </summary>
    public static string? Problem(SourceDay day, DateOnly today)
    {
        if (day.Day < EarliestDay || day.Day > today)
        {
            return $"bad date {day.Day:yyyy-MM-dd} (outside {EarliestDay:yyyy-MM-dd}..{today:yyyy-MM-dd})";
        }

        if (day.UniqueViews > day.Views)
        {
            return string.Create(CultureInfo.InvariantCulture, $"uniques above totals on {day.Day:yyyy-MM-dd} (views {day.Views}, unique visitors {day.UniqueViews})");
        }

        if (day.UniqueClones > day.Clones)
        {
            return string.Create(CultureInfo.InvariantCulture, $"uniques above totals on {day.Day:yyyy-MM-dd} (clones {day.Clones}, unique cloners {day.UniqueClones})");
        }

        return null;
    }

    /// <summary>Checks a snapshot row: a referrer is a site name, a path starts with "/", uniques within views.</summary>
    public static string? Problem(SourceSnapshot snapshot, bool isPath, DateOnly today)
    {
        if (snapshot.CapturedOn < EarliestDay || snapshot.CapturedOn > today)
        {
            return $"bad date {snapshot.CapturedOn:yyyy-MM-dd} (outside {EarliestDay:yyyy-MM-dd}..{today:yyyy-MM-dd})";
        }

        var limit = isPath ? FieldLimits.Path : FieldLimits.Referrer;
        if (snapshot.Key.Length == 0 || snapshot.Key.Length > limit)
        {
            return $"{(isPath ? "path" : "referrer")} empty or longer than {limit} characters";
        }

        // GitHub reports paths from the site root and referrers as site names; a formula or script is neither.
        if (isPath ? snapshot.Key[0] != '/' : !IsSiteName(snapshot.Key))
        {
            return $"not a {(isPath ? "path" : "referrer")} GitHub reports: '{Shorten(snapshot.Key)}'";
        }

        if (snapshot.Title.Length > FieldLimits.PathTitle)
        {
            return $"title longer than {FieldLimits.PathTitle} characters";
        }

        return snapshot.UniqueViews > snapshot.Views
            ? string.Create(CultureInfo.InvariantCulture, $"uniques above totals (views {snapshot.Views}, unique visitors {snapshot.UniqueViews})")
            : null;
    }

    /// <summary>A name safe to repeat in a message: control characters dropped, long ones cut.</summary>
    public static string Shorten(string text)
    {
        var clean = new string(text.Where(c => !char.IsControl(c)).Take(60).ToArray());
        return text.Length > 60 ? clean + "…" : clean;
    }

    /// <summary>Sets the repository's name when it is a valid GitHub name, or says why not.</summary>
    public static void Name(SourceRepository repository, string? owner, string? name, string origin)
    {
        if (GitHubNames.IsValidOwner(owner) && GitHubNames.IsValidRepositoryName(name))
        {
            repository.Owner = owner;
            repository.Name = name;
            repository.NameProblem = null;
            return;
        }

        repository.NameProblem = owner is null && name is null
            ? $"unknown repository name: {origin} does not name it; {GiveName(repository.Keys.FirstOrDefault() ?? "")}"
            : $"invalid repository name '{Shorten($"{owner}/{name}")}' in {origin}";
    }

    /// <summary>Sets the name the importer gave as "owner/name" on the command line.</summary>
    public static void NameGiven(SourceRepository repository, string given)
    {
        if (GitHubNames.TryParseFullName(given, out var owner, out var name))
        {
            Name(repository, owner, name, "the names given (--repository)");
        }
        else
        {
            repository.NameProblem = $"invalid repository name '{Shorten(given)}' in the names given (--repository)";
        }
    }

    /// <summary>How to give a repository's name for a source key, in the host command and in the web form.</summary>
    public static string GiveName(string key) => $"give it with --repository {key}=owner/name (on the import page: the line {key}=owner/name under repository names)";

    private static bool IsSiteName(string referrer) =>
        char.IsLetterOrDigit(referrer[0]) && referrer.All(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or ' ' or ':' or '/');
}
