using System.Reflection;
using System.Runtime.ExceptionServices;

namespace GhStats.Client.Tests.Harness;

/// <summary>
/// An <see cref="IGhStatsClient"/> that passes every call to a real client and remembers which methods were called,
/// so a test can prove it called them all. DispatchProxy needs an unsealed class with a public constructor.
/// </summary>
public class RecordingClient : DispatchProxy
{
    private readonly HashSet<MethodInfo> _called = [];
    private IGhStatsClient _target = null!;

    /// <summary>The methods called so far.</summary>
    public IReadOnlyCollection<MethodInfo> Called
    {
        get
        {
            lock (_called)
            {
                return [.. _called];
            }
        }
    }

    public static (IGhStatsClient Client, RecordingClient Recorder) Wrap(IGhStatsClient target)
    {
        var proxy = Create<IGhStatsClient, RecordingClient>();
        var recorder = (RecordingClient)(object)proxy;
        recorder._target = target;
        return (proxy, recorder);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        lock (_called)
        {
            _called.Add(targetMethod);
        }

        try
        {
            return targetMethod.Invoke(_target, args);
        }
        catch (TargetInvocationException wrapped) when (wrapped.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(wrapped.InnerException);
            throw;
        }
    }
}
