namespace GhStats.Transfer.Import;

/// <summary>
/// A source file that cannot be read as its tool writes it (truncated, not UTF-8, a field too long, columns missing):
/// the import stops before anything is written and the message says which file and line.
/// </summary>
public sealed class ImportFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ImportFormatException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong, and where.</param>
    public ImportFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What is wrong, and where.</param>
    /// <param name="innerException">The cause.</param>
    public ImportFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
