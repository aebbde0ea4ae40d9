namespace GhStats.Domain;

/// <summary>The bucket size of a traffic series.</summary>
public enum TrafficPeriod
{
    /// <summary>One point per UTC day.</summary>
    Day = 1,

    /// <summary>One point per week, Monday to Sunday, as GitHub's weeks.</summary>
    Week = 2,

    /// <summary>One point per calendar month.</summary>
    Month = 3,
}
