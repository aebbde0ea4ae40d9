namespace GhStats;

/// <summary>Thrown when an upload cannot be imported or restored: the message says why and what to send instead.</summary>
public sealed class TransferRequestException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TransferRequestException()
        : base("The upload cannot be imported or restored.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">Why, and what to send instead.</param>
    public TransferRequestException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    /// <param name="message">Why, and what to send instead.</param>
    /// <param name="innerException">The cause.</param>
    public TransferRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
