using GhStats.Domain;

namespace GhStats.Transfer.Import;

/// <summary>One day of a repository as a source holds it, with the coverage that source proves for it.</summary>
internal sealed record SourceDay(DateOnly Day, int Views, int UniqueViews, int Clones, int UniqueClones, DayCoverage Coverage)
{
    /// <summary>Two readings of one day (two ids of a repository, repeated rows) merge by the maximum, never by a sum.</summary>
    public SourceDay Max(SourceDay other) => new(
        Day,
        Math.Max(Views, other.Views),
        Math.Max(UniqueViews, other.UniqueViews),
        Math.Max(Clones, other.Clones),
        Math.Max(UniqueClones, other.UniqueClones),
        (DayCoverage)Math.Max((int)Coverage, (int)other.Coverage));
}
