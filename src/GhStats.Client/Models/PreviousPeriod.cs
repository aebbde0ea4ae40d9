namespace GhStats.Client.Models;

/// <summary>The period of the same length just before a range, and the change against it.</summary>
/// <param name="From">Its first day.</param>
/// <param name="To">Its last day.</param>
/// <param name="Views">Its views.</param>
/// <param name="Clones">Its clones.</param>
/// <param name="Days">Its length in days.</param>
/// <param name="KnownDays">Its days a read covered.</param>
/// <param name="PartialDays">Its days covered only while cut short.</param>
/// <param name="State"><c>comparable</c> (every day of both periods known), <c>previousIncomplete</c> or <c>currentIncomplete</c>.</param>
/// <param name="ViewsChange">The change of views in percent; null unless comparable, and null from 0.</param>
/// <param name="ClonesChange">The change of clones in percent; null unless comparable, and null from 0.</param>
public sealed record PreviousPeriod(
    DateOnly From, DateOnly To, long Views, long Clones, int Days, int KnownDays, int PartialDays, string State, double? ViewsChange, double? ClonesChange);
