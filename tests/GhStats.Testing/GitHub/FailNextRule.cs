namespace GhStats.Testing.GitHub;

/// <summary>"Fail the next N requests whose path contains X with status S"; N is spent with Interlocked.</summary>
internal sealed class FailNextRule(string pathContains, int statusCode, int times)
{
    private int _remaining = times;

    public int StatusCode { get; } = statusCode;

    public bool IsSpent => Volatile.Read(ref _remaining) <= 0;

    public bool TryTake(string path)
    {
        if (!path.Contains(pathContains, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var seen = Volatile.Read(ref _remaining);
        while (seen > 0)
        {
            var previous = Interlocked.CompareExchange(ref _remaining, seen - 1, seen);
            if (previous == seen)
            {
                return true;
            }

            seen = previous;
        }

        return false;
    }
}
