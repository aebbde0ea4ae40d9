using System.Runtime.Serialization;

namespace GhStats.Client.Models;

/// <summary>How a traffic series is grouped.</summary>
public enum TrafficPeriod
{
    /// <summary>One point per UTC day.</summary>
    [EnumMember(Value = "day")]
    Day,

    /// <summary>One point per week, starting on Monday as GitHub's weeks do; unique counts are GitHub's own weekly figures.</summary>
    [EnumMember(Value = "week")]
    Week,

    /// <summary>One point per calendar month; months have no unique counts.</summary>
    [EnumMember(Value = "month")]
    Month,
}
