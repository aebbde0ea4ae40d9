using Xunit;

namespace GhStats.Host.Tests;

/// <summary>
/// A SQLite file that the host's commands work on, and the host serving that same file in the Development environment
/// (for the development sign-in), so a test can see what a command did the way a user would.
/// </summary>
public sealed class CommandHost : IAsyncLifetime
{
    /// <summary>An admin by the bootstrap list, to look at what the commands did through the API.</summary>
    public const string OperatorEmail = "operator@commands.test";

    private readonly string _folder = Directory.CreateTempSubdirectory("ghstats-commands-").FullName;
    private HostProcess? _host;

    /// <summary>The settings both the commands and the served host run with.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["GhStats__Sqlite__ConnectionString"] = $"Data Source={Path.Combine(_folder, "ghstats.db")}",
        ["GhStats__Bootstrap__AdminEmails__0"] = OperatorEmail,
    };

    internal HostProcess Host => _host ?? throw new InvalidOperationException("The host has not started.");

    /// <summary>Runs a host command on the served SQLite file.</summary>
    public Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments) =>
        HostProcess.RunCommandAsync(arguments, Environment.ToDictionary());

    public async Task InitializeAsync() => _host = await HostProcess.StartAsync(Environment.ToDictionary());

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
