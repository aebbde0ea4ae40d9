namespace GhStats.Transfer.Archive;

/// <summary>
/// An archive that cannot be restored as it is (not a zip, truncated, a table that is not GhStats', bytes that are not
/// UTF-8, a line or field too long, an entry that would unpack too large, a checksum that does not match, a newer
/// format): the restore stops before anything is written and the message says which entry and line.
/// </summary>
public sealed class ArchiveFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ArchiveFormatException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong, and where.</param>
    public ArchiveFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What is wrong, and where.</param>
    /// <param name="innerException">The cause.</param>
    public ArchiveFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
