namespace GhStats.Transfer.Import;

/// <summary>Everything a source holds for one repository, after its ids and spellings were merged.</summary>
internal sealed class SourceRepository
{
    /// <summary>The source's keys for it (ids, directories).</summary>
    public List<string> Keys { get; } = [];

    /// <summary>The GitHub owner, when the source knows it.</summary>
    public string? Owner { get; set; }

    /// <summary>The GitHub name, when the source knows it.</summary>
    public string? Name { get; set; }

    /// <summary>Why the name is missing or unusable, when it is.</summary>
    public string? NameProblem { get; set; }

    public List<SourceDay> Days { get; } = [];

    public List<SourceSnapshot> Referrers { get; } = [];

    public List<SourceSnapshot> Paths { get; } = [];

    public List<ImportRejection> Rejections { get; } = [];

    public string FullName => Owner is not null && Name is not null ? $"{Owner}/{Name}" : string.Join(", ", Keys);
}
