using Microsoft.Extensions.Options;

namespace GhStats.Db2;

/// <summary>Fails the host at start, not at the first query, when IBM's driver is missing.</summary>
/// <param name="driver">The driver lookup.</param>
internal sealed class Db2DriverValidator(Db2Driver driver) : IValidateOptions<GhStatsDb2Options>
{
    public ValidateOptionsResult Validate(string? name, GhStatsDb2Options options) =>
        driver.IsAvailable ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(Db2Driver.MissingMessage);
}
