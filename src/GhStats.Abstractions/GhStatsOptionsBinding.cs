namespace GhStats;

/// <summary>Registered once per options class that <see cref="GhStatsBuilder.BindOptions{TOptions}"/> bound, so it binds once.</summary>
/// <typeparam name="TOptions">The options class.</typeparam>
/// <param name="sectionName">The section under "GhStats" it was bound from.</param>
internal sealed class GhStatsOptionsBinding<TOptions>(string sectionName)
    where TOptions : class
{
    public string SectionName { get; } = sectionName;
}
