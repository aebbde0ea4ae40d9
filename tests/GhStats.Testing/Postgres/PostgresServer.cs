using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace GhStats.Testing.Postgres;

/// <summary>
/// A real, throwaway PostgreSQL server run from this machine's own binaries: its own data folder in a temp
/// folder, trust authentication for the superuser "postgres", listening on a free loopback port.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string SuperUser = "postgres";
    private const string SystemAccount = "postgres";
    private const int StartAttempts = 3;
    private const int MaxIdentifierLength = 63;
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);
    private static readonly Lazy<Task<PostgresServer>> Shared = new(() => StartAsync(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly PostgresBinaries _binaries;
    private readonly bool _runAsSystemAccount;
    private readonly string _dataDirectory;
    private readonly ConcurrentDictionary<string, byte> _handedOutConnectionStrings = new(StringComparer.Ordinal);
    private readonly EventHandler _stopAtProcessExit;
    private int _disposed;

    private PostgresServer(PostgresBinaries binaries, bool runAsSystemAccount, string rootDirectory, string dataDirectory, string logPath, int port)
    {
        _binaries = binaries;
        _runAsSystemAccount = runAsSystemAccount;
        RootDirectory = rootDirectory;
        _dataDirectory = dataDirectory;
        LogPath = logPath;
        Port = port;
        AdminConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = SuperUser,
            Database = "postgres",
        }.ConnectionString;
        _handedOutConnectionStrings[AdminConnectionString] = 0;

        // A server someone forgot to dispose must not outlive the test process.
        _stopAtProcessExit = (_, _) => StopAtProcessExit();
        AppDomain.CurrentDomain.ProcessExit += _stopAtProcessExit;
    }

    /// <summary>The loopback TCP port the server listens on.</summary>
    public int Port { get; }

    /// <summary>Connection string for the superuser "postgres" to database "postgres" on 127.0.0.1.</summary>
    public string AdminConnectionString { get; }

    /// <summary>The temp folder holding the data folder, the unix socket and the server log; deleted on dispose.</summary>
    public string RootDirectory { get; }

    /// <summary>The server's log file, useful when a test wants to see what the server complained about.</summary>
    public string LogPath { get; }

    /// <summary>
    /// Creates a new data folder in a new temp folder with initdb, starts a server on a free loopback port and
    /// returns once it accepts connections. Throws <see cref="InvalidOperationException"/> saying what failed.
    /// </summary>
    public static async Task<PostgresServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var binaries = await PostgresBinaries.LocateAsync(cancellationToken).ConfigureAwait(false);

        // initdb and postgres refuse to run as root, so as root they run as the postgres account.
        var runAsSystemAccount = Environment.IsPrivilegedProcess;
        var rootDirectory = Directory.CreateTempSubdirectory("ghstats-pg-").FullName;
        var dataDirectory = Path.Combine(rootDirectory, "data");
        var logPath = Path.Combine(rootDirectory, "server.log");
        PostgresServer? server = null;
        try
        {
            OrphanWatchdog.Watch(rootDirectory, dataDirectory, Command(binaries.PgCtl, runAsSystemAccount));
            if (runAsSystemAccount)
            {
                await HandToSystemAccountAsync(rootDirectory, cancellationToken).ConfigureAwait(false);
            }

            var initDb = await RunAsync(
                binaries.InitDb,
                ["-D", dataDirectory, "-A", "trust", "-U", SuperUser, "--no-sync", "-E", "UTF8", "--locale=C"],
                runAsSystemAccount,
                rootDirectory,
                cancellationToken).ConfigureAwait(false);
            if (!initDb.Succeeded)
            {
                throw new InvalidOperationException($"initdb failed to create a PostgreSQL data folder in {dataDirectory}. {initDb.Describe()}");
            }

            for (var attempt = 1; ; attempt++)
            {
                var port = LoopbackPort.Free();
                DeleteIfExists(logPath);
                var start = await RunAsync(binaries.PgCtl, StartArguments(dataDirectory, logPath, rootDirectory, port), runAsSystemAccount, rootDirectory, cancellationToken).ConfigureAwait(false);
                if (start.Succeeded)
                {
                    server = new PostgresServer(binaries, runAsSystemAccount, rootDirectory, dataDirectory, logPath, port);
                    await server.WaitUntilReadyAsync(cancellationToken).ConfigureAwait(false);
                    return server;
                }

                var log = ReadQuietly(logPath);
                if (attempt < StartAttempts && IsPortConflict(start.Output + log))
                {
                    // Another process took the port between our probe and the server's bind: pick another.
                    continue;
                }

                throw new InvalidOperationException(
                    $"PostgreSQL did not start on 127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)} (attempt {attempt.ToString(CultureInfo.InvariantCulture)} of {StartAttempts.ToString(CultureInfo.InvariantCulture)}). {start.Describe()}{Environment.NewLine}Server log {logPath} (last lines):{Environment.NewLine}{TextTail.Of(log)}");
            }
        }
        catch
        {
            await AbandonAsync(server, binaries, runAsSystemAccount, rootDirectory, dataDirectory).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// One server for the whole test process, started on the first call and stopped when the process exits.
    /// Safe to call concurrently; every caller gets the same instance (or the same start failure).
    /// </summary>
    public static Task<PostgresServer> SharedAsync() => Shared.Value;

    /// <summary>
    /// Creates an empty database with a unique name (starting with <paramref name="namePrefix"/> when given) and
    /// returns a superuser connection string to it.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string? namePrefix = null, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var name = UniqueDatabaseName(namePrefix);
        try
        {
            var connection = new NpgsqlConnection(AdminConnectionString);
            await using (connection.ConfigureAwait(false))
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

                // The name is built from [a-z0-9_] only, so quoting it is enough.
                var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                await using (command.ConfigureAwait(false))
                {
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (NpgsqlException ex)
        {
            throw new InvalidOperationException(
                $"CREATE DATABASE \"{name}\" failed on the test PostgreSQL server at 127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}: {ex.Message}{Environment.NewLine}Server log {LogPath} (last lines):{Environment.NewLine}{TextTail.OfFile(LogPath)}",
                ex);
        }

        var connectionString = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
        _handedOutConnectionStrings[connectionString] = 0;
        return connectionString;
    }

    /// <summary>Stops the server (pg_ctl stop -m fast, then -m immediate) and deletes its temp folder. Safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= _stopAtProcessExit;
        ClearConnectionPools();
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        DeleteDirectory(RootDirectory);
    }

    private static IReadOnlyList<string> StartArguments(string dataDirectory, string logPath, string socketDirectory, int port)
    {
        // pg_ctl hands -o to the server through /bin/sh, so the socket folder is single-quoted there.
        var serverOptions = string.Join(
            ' ',
            "-h 127.0.0.1",
            "-p " + port.ToString(CultureInfo.InvariantCulture),
            "-k " + ShellQuote(socketDirectory),
            "-F",
            "-c max_connections=200");
        return ["-D", dataDirectory, "-l", logPath, "-o", serverOptions, "-w", "-t", "60", "start"];
    }

    private static Task<ProcessResult> RunAsync(
        string program,
        IReadOnlyList<string> arguments,
        bool runAsSystemAccount,
        string workingDirectory,
        CancellationToken cancellationToken)
    {
        // The working folder matters under runuser: postgres cannot enter root's current folder.
        var command = Command(program, runAsSystemAccount);
        return ProcessRunner.RunAsync(command[0], [.. command.Skip(1), .. arguments], workingDirectory, CommandTimeout, cancellationToken);
    }

    private static IReadOnlyList<string> Command(string program, bool runAsSystemAccount) =>
        runAsSystemAccount ? ["runuser", "-u", SystemAccount, "--", program] : [program];

    private static async Task HandToSystemAccountAsync(string rootDirectory, CancellationToken cancellationToken)
    {
        var account = await ProcessRunner.RunAsync("id", ["-u", SystemAccount], null, TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
        if (!account.Succeeded)
        {
            throw new InvalidOperationException(
                $"This process runs as root, and PostgreSQL refuses to run as root, so the server has to run as the '{SystemAccount}' account, which does not exist. " +
                $"Install the Debian package (`apt-get install postgresql` creates it) or run the tests as a normal user. {account.Describe()}");
        }

        var chown = await ProcessRunner.RunAsync("chown", ["-R", SystemAccount, rootDirectory], null, TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
        if (!chown.Succeeded)
        {
            throw new InvalidOperationException($"Could not hand the test server's folder {rootDirectory} to the '{SystemAccount}' account. {chown.Describe()}");
        }
    }


    private static bool IsPortConflict(string text) =>
        text.Contains("Address already in use", StringComparison.OrdinalIgnoreCase)
        || text.Contains("could not bind", StringComparison.OrdinalIgnoreCase)
        || text.Contains("could not create any TCP/IP sockets", StringComparison.OrdinalIgnoreCase);

    private static string UniqueDatabaseName(string? namePrefix)
    {
        var prefix = new StringBuilder();
        foreach (var c in (namePrefix ?? "test").ToLowerInvariant())
        {
            prefix.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        }

        if (prefix.Length == 0 || !char.IsAsciiLetter(prefix[0]))
        {
            prefix.Insert(0, "db_");
        }

        // 32 hex digits of a GUID keep names unique; the prefix gets what is left of PostgreSQL's 63-byte limit.
        var suffix = Guid.NewGuid().ToString("N");
        var room = MaxIdentifierLength - suffix.Length - 1;
        var head = prefix.Length > room ? prefix.ToString(0, room) : prefix.ToString();
        return head + "_" + suffix;
    }

    private static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static string ReadQuietly(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : string.Empty;
        }
        catch (IOException)
        {
            return string.Empty;
        }
        catch (UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    private static void DeleteIfExists(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private static void DeleteDirectory(string path)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }

                return;
            }
            catch (IOException) when (attempt < 5)
            {
                // A just-stopped server may still be closing files; give it a moment.
                Thread.Sleep(100 * attempt);
            }
        }
    }

    private static async Task AbandonAsync(PostgresServer? server, PostgresBinaries binaries, bool runAsSystemAccount, string rootDirectory, string dataDirectory)
    {
        // Best effort after a failed start: the original exception is the one worth reporting.
        try
        {
            if (server is not null)
            {
                await server.DisposeAsync().ConfigureAwait(false);
                return;
            }

            if (File.Exists(Path.Combine(dataDirectory, "postmaster.pid")))
            {
                await RunAsync(binaries.PgCtl, ["-D", dataDirectory, "-m", "immediate", "-w", "stop"], runAsSystemAccount, rootDirectory, CancellationToken.None).ConfigureAwait(false);
            }

            DeleteDirectory(rootDirectory);
        }
        catch (InvalidOperationException)
        {
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var probe = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Pooling = false, Timeout = 5 }.ConnectionString;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                var connection = new NpgsqlConnection(probe);
                await using (connection.ConfigureAwait(false))
                {
                    await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                    var command = new NpgsqlCommand("select 1", connection);
                    await using (command.ConfigureAwait(false))
                    {
                        await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                    }
                }

                return;
            }
            catch (Exception ex) when ((ex is NpgsqlException or SocketException or TimeoutException) && !cancellationToken.IsCancellationRequested)
            {
                if (clock.Elapsed > ReadyTimeout)
                {
                    throw new InvalidOperationException(
                        $"PostgreSQL was started on 127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)} but did not accept connections within {ReadyTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s. Last error: {ex.Message}{Environment.NewLine}Server log {LogPath} (last lines):{Environment.NewLine}{TextTail.OfFile(LogPath)}",
                        ex);
                }

                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        var fast = await RunAsync(_binaries.PgCtl, ["-D", _dataDirectory, "-m", "fast", "-w", "-t", "30", "stop"], _runAsSystemAccount, RootDirectory, cancellationToken).ConfigureAwait(false);
        if (fast.Succeeded)
        {
            return;
        }

        var immediate = await RunAsync(_binaries.PgCtl, ["-D", _dataDirectory, "-m", "immediate", "-w", "-t", "30", "stop"], _runAsSystemAccount, RootDirectory, cancellationToken).ConfigureAwait(false);
        if (immediate.Succeeded || !File.Exists(Path.Combine(_dataDirectory, "postmaster.pid")))
        {
            // Either the hard stop worked or the server was already gone (it crashed); both leave nothing running.
            return;
        }

        throw new InvalidOperationException(
            $"Could not stop the test PostgreSQL server in {_dataDirectory}; its folder {RootDirectory} was kept for inspection.{Environment.NewLine}" +
            $"Fast stop: {fast.Describe()}{Environment.NewLine}Immediate stop: {immediate.Describe()}{Environment.NewLine}" +
            $"Server log {LogPath} (last lines):{Environment.NewLine}{TextTail.OfFile(LogPath)}");
    }

    private void ClearConnectionPools()
    {
        // Pooled connections to a stopped server would break a later server that reuses the same port.
        foreach (var connectionString in _handedOutConnectionStrings.Keys)
        {
            using var connection = new NpgsqlConnection(connectionString);
            NpgsqlConnection.ClearPool(connection);
        }
    }

    private void StopAtProcessExit()
    {
        try
        {
            DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        catch (InvalidOperationException ex)
        {
            // Nobody is left to throw to at process exit; stderr is where a leaked server gets noticed.
            Console.Error.WriteLine(ex.Message);
        }
        catch (IOException ex)
        {
            Console.Error.WriteLine(ex.Message);
        }
    }
}
