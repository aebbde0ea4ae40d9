namespace GhStats.Notifications.Delivery;

/// <summary>This process's name in the outbox's claims: the machine, the process and a per-start suffix.</summary>
internal sealed class OutboxHolder
{
    public string Id { get; } = $"{Machine()}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    private static string Machine() => Environment.MachineName is { Length: > 40 } name ? name[..40] : Environment.MachineName;
}
