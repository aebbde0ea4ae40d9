namespace GhStats.Storage.Sql;

/// <summary>A column of a merge: its SQL type (Db2 needs it to type parameter markers) and how a conflicting row updates it.</summary>
/// <param name="Name">Column name.</param>
/// <param name="Type">Column type.</param>
/// <param name="Rule">What a merge does with an existing value.</param>
/// <param name="Length">Character length, for text.</param>
public sealed record ColumnShape(string Name, ColumnType Type, MergeRule Rule = MergeRule.Key, int Length = 0);

/// <summary>The column types the store uses.</summary>
public enum ColumnType
{
    /// <summary>A 32-bit count.</summary>
    Count,

    /// <summary>A 64-bit identifier or size.</summary>
    Identifier,

    /// <summary>A calendar day.</summary>
    Date,

    /// <summary>Unicode text.</summary>
    Text,
}

/// <summary>What a merge does when a row with the same key exists.</summary>
public enum MergeRule
{
    /// <summary>Part of the key.</summary>
    Key,

    /// <summary>Keep the larger of the stored and the new value.</summary>
    Max,

    /// <summary>Take the new value.</summary>
    Replace,

    /// <summary>Keep the stored value: only a new row takes the given one (a restore that never replaces what is there).</summary>
    Keep,

    /// <summary>Add the new value to the stored one: the new value is a change, not a total (the traffic rollups' sums).</summary>
    Add,
}
