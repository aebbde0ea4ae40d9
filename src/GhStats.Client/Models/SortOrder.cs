using System.Runtime.Serialization;

namespace GhStats.Client.Models;

/// <summary>Smallest or largest first.</summary>
public enum SortOrder
{
    /// <summary>Smallest (or A) first.</summary>
    [EnumMember(Value = "asc")]
    Ascending,

    /// <summary>Largest (or Z) first.</summary>
    [EnumMember(Value = "desc")]
    Descending,
}
