namespace GhStats.Transfer.Import;

/// <summary>One record of a delimited file: its first line number and its fields (null for an empty unquoted field).</summary>
/// <param name="Line">The line the record starts on, from 1.</param>
/// <param name="Fields">The fields; an empty unquoted field (Db2's NULL) is null, an empty quoted one is "".</param>
internal sealed record DelimitedRecord(int Line, IReadOnlyList<string?> Fields)
{
    /// <summary>Where the record is, for messages: "file:line".</summary>
    public string Where(string file) => $"{file}:{Line}";
}
