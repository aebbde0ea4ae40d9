namespace GhStats.Storage.Relational;

/// <summary>A column of a <see cref="RowShape"/>: which shape declared it and its slot there.</summary>
/// <param name="Shape">The shape that declared it.</param>
/// <param name="Slot">Its position among the shape's columns; the result's ordinal is found by name.</param>
/// <param name="Name">Its name.</param>
internal readonly record struct RowColumn(RowShape Shape, int Slot, string Name);
