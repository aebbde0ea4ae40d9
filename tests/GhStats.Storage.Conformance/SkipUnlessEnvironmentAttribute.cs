using Xunit.Abstractions;

namespace GhStats.Storage.Conformance;

/// <summary>
/// Skips every <see cref="StoreFactAttribute"/> and <see cref="StoreTheoryAttribute"/> test of a class (or one method)
/// unless an environment variable is set: a provider whose database is not available here reports its suite as skipped,
/// with the reason, rather than passed or failed.
/// </summary>
/// <param name="variable">The environment variable, e.g. "GHSTATS_TEST_DB2".</param>
/// <param name="reason">What the skipped tests need, shown by the test runner.</param>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class SkipUnlessEnvironmentAttribute(string variable, string reason) : Attribute
{
    /// <summary>The environment variable.</summary>
    public string Variable { get; } = variable;

    /// <summary>Why the tests are skipped without it.</summary>
    public string Reason { get; } = reason;

    /// <summary>Why a test method must be skipped, or null when every variable its class and it ask for is set.</summary>
    /// <param name="testMethod">The test method, as xunit discovers it on the concrete test class.</param>
    /// <returns>The first unmet reason, or null.</returns>
    public static string? ReasonToSkip(ITestMethod testMethod)
    {
        ArgumentNullException.ThrowIfNull(testMethod);
        var attributes = testMethod.TestClass.Class.GetCustomAttributes(typeof(SkipUnlessEnvironmentAttribute))
            .Concat(testMethod.Method.GetCustomAttributes(typeof(SkipUnlessEnvironmentAttribute)));
        foreach (var attribute in attributes)
        {
            var arguments = attribute.GetConstructorArguments().ToArray();
            if (arguments is [string variable, string reason] && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(variable)))
            {
                return reason;
            }
        }

        return null;
    }
}
