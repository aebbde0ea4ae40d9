namespace GhStats.Storage.Sql;

/// <summary>One SQL statement the store runs, named so that golden tests and DBAs can find it.</summary>
/// <param name="Name">Where it is used, e.g. "Traffic.MergeDays".</param>
/// <param name="Text">The SQL in the provider's dialect.</param>
public sealed record SqlStatement(string Name, string Text);
