namespace GhStats.Transfer.Import;

/// <summary>Reads one tool's files. <see cref="Scan"/> reads everything once before anything is written.</summary>
internal interface IImportReader
{
    /// <summary>
    /// Reads the whole source once and checks its structure, so a truncated or foreign file stops the import before
    /// anything is written; returns its people and what it left aside.
    /// </summary>
    /// <exception cref="ImportFormatException">When a file is not as the tool writes it.</exception>
    ImportScan Scan(CancellationToken cancellationToken);

    /// <summary>
    /// The source's repositories, each whole (its ids and spellings merged), a few at a time so memory stays bounded
    /// whatever the source's size. Call after <see cref="Scan"/>.
    /// </summary>
    IEnumerable<SourceRepository> Repositories(CancellationToken cancellationToken);
}
