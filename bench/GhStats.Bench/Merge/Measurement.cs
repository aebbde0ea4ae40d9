namespace GhStats.Bench.Merge;

/// <summary>One timed run of one scenario.</summary>
/// <param name="Scenario">The scenario's name, as the table shows it.</param>
/// <param name="Rows">Rows written (a row written twice counts twice).</param>
/// <param name="Timing">Time of the writes alone: no setup, no verification.</param>
internal sealed record Measurement(string Scenario, long Rows, Timing Timing)
{
    public TimeSpan Elapsed => Timing.Elapsed;

    public TimeSpan Cpu => Timing.Cpu;

    public double RowsPerSecond => Rows / Elapsed.TotalSeconds;

    public double RowsPerCpuSecond => Rows / Cpu.TotalSeconds;
}
