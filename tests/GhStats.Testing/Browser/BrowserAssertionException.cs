namespace GhStats.Testing.Browser;

/// <summary>A page broke a rule a browser test checks: it logged errors, a request failed, or axe found accessibility violations.</summary>
public sealed class BrowserAssertionException : Exception
{
    /// <summary>Creates the exception with a message that lists what went wrong.</summary>
    public BrowserAssertionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public BrowserAssertionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public BrowserAssertionException()
    {
    }
}
