namespace GhStats.Testing.Tests.GitHub;

/// <summary>Waits for a condition that other threads make true; fails with a message instead of hanging.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Still waiting for: " + what);
            }

            await Task.Delay(10);
        }
    }
}
