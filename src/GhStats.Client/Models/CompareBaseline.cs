namespace GhStats.Client.Models;

/// <summary>The mean of a repository's first known week in the range.</summary>
/// <param name="State"><c>known</c> (above 0), <c>zero</c> or <c>unknown</c>; only known gives normalised values.</param>
/// <param name="From">Its first day, when known.</param>
/// <param name="To">Its last day, when known.</param>
/// <param name="Mean">The mean, when known.</param>
/// <param name="Points">How many points the mean is taken over.</param>
public sealed record CompareBaseline(string State, DateOnly? From, DateOnly? To, double? Mean, int Points);
