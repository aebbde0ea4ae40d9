using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GhStats.Transfer.Jobs;

/// <summary>
/// The process's private folder for uploads (<c>TempDirectory/&lt;process&gt;/&lt;job&gt;</c>), readable by this
/// process's user only. The process holds a lock file in its folder while it lives, so the first use in a new process
/// deletes the folders of processes that stopped (their jobs' uploads) and never a living one's.
/// </summary>
internal sealed partial class TransferWorkspace : IDisposable
{
    private const string LockFile = ".lock";

    private readonly IOptions<GhStatsTransferOptions> options;
    private readonly ILogger<TransferWorkspace> logger;
    private readonly Lock gate = new();
    private string? folder;
    private FileStream? held;

    public TransferWorkspace(IOptions<GhStatsTransferOptions> options, ILogger<TransferWorkspace> logger)
    {
        this.options = options;
        this.logger = logger;
    }

    /// <summary>The root all processes share.</summary>
    public string Root => options.Value.TempDirectory ?? Path.Combine(Path.GetTempPath(), "ghstats-transfer");

    /// <summary>This process's folder; made (and the stopped processes' folders deleted) on first use.</summary>
    public string Folder
    {
        get
        {
            lock (gate)
            {
                return folder ??= Claim();
            }
        }
    }

    /// <summary>Makes a new, empty folder for one job.</summary>
    public string NewJobFolder() => CreatePrivate(Path.Combine(Folder, Guid.NewGuid().ToString("N")));

    /// <summary>Deletes a job's folder; a failure is logged, never thrown (the next start deletes it).</summary>
    public void Delete(string jobFolder)
    {
        try
        {
            if (Directory.Exists(jobFolder))
            {
                Directory.Delete(jobFolder, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogDeleteFailed(logger, jobFolder, e);
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            held?.Dispose();
            held = null;
            if (folder is not null)
            {
                Delete(folder);
            }
        }
    }

    private string Claim()
    {
        var root = CreatePrivate(Root);
        foreach (var other in Directory.EnumerateDirectories(root))
        {
            // A lock that can be taken belongs to no living process: its uploads were left behind.
            try
            {
                using (new FileStream(Path.Combine(other, LockFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
                {
                }

                Delete(other);
                LogLeftBehindDeleted(logger, other);
            }
            catch (IOException)
            {
                // Held: another process on this machine still runs its jobs from there.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours to delete.
            }
        }

        var mine = CreatePrivate(Path.Combine(root, Guid.NewGuid().ToString("N")));
        held = new FileStream(Path.Combine(mine, LockFile), FileMode.Create, FileAccess.ReadWrite, FileShare.None);
        return mine;
    }

    private static string CreatePrivate(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }

    [LoggerMessage(EventId = 9120, Level = LogLevel.Information, Message = "Deleted the transfer uploads a stopped process left behind in {Folder}")]
    private static partial void LogLeftBehindDeleted(ILogger logger, string folder);

    [LoggerMessage(EventId = 9121, Level = LogLevel.Warning, Message = "Could not delete the transfer folder {Folder}; the next start deletes it")]
    private static partial void LogDeleteFailed(ILogger logger, string folder, Exception exception);
}
