using GhStats.Administration;
using GhStats.Stores;
using GhStats.Web;

namespace GhStats.Host;

/// <summary>The host's commands besides serving, for scripts and DBAs; each returns a process exit code.</summary>
internal static class HostCommands
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    public const string Help = """
        GhStats host

        Usage:
          GhStats.Host                              serve (migrates the database first unless GhStats:Storage:MigrateOnStartup is false)
          GhStats.Host worker                       collect without the web module: migrate, then run the schedule
                                                    (GhStats:Collector:Schedule) and the runs web replicas queue
                                                    (GhStats:Cron:QueueForWorker) until stopped
          GhStats.Host collect [--tenant <slug>]    run one collection, print its progress and exit: 0 when every
                                                    repository was collected, 1 otherwise (for CronJobs and CI jobs)
          GhStats.Host migrate                      apply pending migrations to the configured database and exit
          GhStats.Host migrate --script <provider>  print the schema DDL for sqlite, postgres or db2 (no connection needed)
          GhStats.Host admin add <email>            make <email> a system admin (now, or at their first sign-in)
          GhStats.Host tenant create <slug> [--name <name>] [--owner <email>]
                                                    create a tenant, optionally with its first owner (invited if unknown)
          GhStats.Host token create --email <email> [--name <name>] [--days <1-366>]
                                                    make a personal API token for <email> and print it once on stdout
          GhStats.Host import <source> <path> --tenant <slug> [--dry-run] [--history-only] [--repository <key>=<owner/name>]...
                                                    import another tool's history (sources: ibm-db2, ibm-csv,
                                                    github-repo-stats, ghstats-sqlite, repohistory); --dry-run reports
                                                    per repository and writes nothing
          GhStats.Host export --tenant <slug> | --all [--out <file>]
                                                    write a tenant's (or every tenant's) archive: one zip with a manifest
                                                    and a JSON-lines file per table, to <file> or stdout; no secrets
          GhStats.Host restore <file> [--dry-run]   merge an archive into this database (any provider) by the import's
                                                    rules; restoring twice changes nothing; --dry-run writes nothing
          GhStats.Host help                         show this text

        Exit codes: 0 done, 1 failed (the message says why), 2 wrong usage.

        Settings come from appsettings.json and environment variables (GhStats__Storage__Provider, GhStats__Sqlite__ConnectionString, ...).
        """;

    /// <summary>
    /// A first argument that is a word names a command, so a mistyped one gets the help text, not a server; a
    /// configuration switch (<c>--urls x</c>, <c>/urls x</c>, <c>urls=x</c>) means "serve".
    /// </summary>
    public static bool IsCommand(string[] args) => args switch
    {
        ["--help" or "-h", ..] => true,
        [var first, ..] => !first.StartsWith('-') && !first.StartsWith('/') && !first.Contains('=', StringComparison.Ordinal),
        _ => false,
    };

    public static async Task<int> RunAsync(string[] args, WebApplication app, TextWriter output, TextWriter error)
    {
        switch (args)
        {
            case ["help" or "--help" or "-h", ..]:
                await output.WriteLineAsync(Help);
                return Ok;

            case ["migrate", "--script", var provider, ..]:
                var schema = app.Configuration["GhStats:Storage:Schema"] ?? "ghstats";
                var script = StorageSetup.Script(provider, schema);
                if (script is null)
                {
                    await error.WriteLineAsync($"Unknown provider '{provider}'; use one of: {string.Join(", ", StorageSetup.Providers)}.");
                    return Usage;
                }

                await output.WriteAsync(script);
                return Ok;

            case ["migrate", "--script"]:
                await error.WriteLineAsync($"migrate --script needs a provider: {string.Join(", ", StorageSetup.Providers)}.");
                return Usage;

            case ["migrate"]:
                try
                {
                    var migrator = app.Services.GetRequiredService<ISchemaMigrator>();
                    await migrator.MigrateAsync();
                    var status = await migrator.GetStatusAsync();
                    await output.WriteLineAsync($"The GhStats schema is at version {status.AppliedVersion}.");
                    return status.IsReady ? Ok : Failed;
                }
#pragma warning disable CA1031 // A command reports any failure as a message and an exit code.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    await error.WriteLineAsync($"Migration failed: {exception.Message}");
                    return Failed;
                }

            case ["admin", "add", var email]:
                return await AdministerAsync(error, async administration =>
                {
                    var admins = await administration.AddAdminAsync(email);
                    await output.WriteLineAsync($"{email} is a system admin ({Describe(admins.Count)}).");
                }, app);

            case ["tenant", "create", var slug, .. var options]:
                if (!TryReadOptions(options, ["--name", "--owner"], out var tenantOptions, out var problem))
                {
                    await error.WriteLineAsync(problem);
                    return Usage;
                }

                return await AdministerAsync(error, async administration =>
                {
                    var tenant = await administration.CreateTenantAsync(slug, tenantOptions.GetValueOrDefault("--name") ?? slug, tenantOptions.GetValueOrDefault("--owner"));
                    await output.WriteLineAsync($"Created tenant {tenant.Slug} (id {tenant.Id}).");
                }, app);

            case ["token", "create", .. var options]:
                if (!TryReadOptions(options, ["--email", "--name", "--days"], out var tokenOptions, out var tokenProblem)
                    || !tokenOptions.TryGetValue("--email", out var owner))
                {
                    await error.WriteLineAsync(tokenProblem ?? "token create needs --email <email>.");
                    return Usage;
                }

                var days = 90;
                if (tokenOptions.TryGetValue("--days", out var daysText)
                    && (!int.TryParse(daysText, out days) || days is < 1 or > GhStatsAdministration.MaxTokenLifetimeDays))
                {
                    await error.WriteLineAsync($"--days must be a whole number from 1 to {GhStatsAdministration.MaxTokenLifetimeDays}.");
                    return Usage;
                }

                return await AdministerAsync(error, async administration =>
                {
                    var issued = await administration.CreateApiTokenAsync(owner, tokenOptions.GetValueOrDefault("--name") ?? "command line", days);

                    // The token alone goes to stdout, so a script can capture it; the rest is for the person.
                    await output.WriteLineAsync(issued.Secret);
                    await error.WriteLineAsync($"Personal API token {issued.Token.Id} for {owner}, expires {issued.Token.ExpiresAt:yyyy-MM-dd}. It is shown only now.");
                }, app);

            case ["import", ..]:
                return await ImportCommand.RunAsync(args, app.Services, output, error);

            case ["export", ..]:
                return await ArchiveCommands.ExportAsync(args, app.Services, Console.OpenStandardOutput, error);

            case ["restore", ..]:
                return await ArchiveCommands.RestoreAsync(args, app.Services, output, error);

            default:
                await error.WriteLineAsync($"Unknown command '{string.Join(' ', args)}'.");
                await error.WriteLineAsync(Help);
                return Usage;
        }
    }

    /// <summary>Runs an administrative operation: bad input is a usage error (2), anything else that fails is 1.</summary>
    private static async Task<int> AdministerAsync(TextWriter error, Func<GhStatsAdministration, Task> operation, WebApplication app)
    {
        try
        {
            await operation(app.Services.GetRequiredService<GhStatsAdministration>());
            return Ok;
        }
        catch (ArgumentException invalid)
        {
            await error.WriteLineAsync(invalid.Message);
            return Usage;
        }
#pragma warning disable CA1031 // A command reports any failure as a message and an exit code.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            await error.WriteLineAsync($"Failed: {exception.Message}");
            return Failed;
        }
    }

    private static string Describe(int profiles) =>
        profiles == 1 ? "one profile" : $"{profiles} profiles with that email";

    /// <summary>Reads "--option value" pairs; every option must be known and have a value.</summary>
    private static bool TryReadOptions(string[] options, string[] known, out Dictionary<string, string> values, out string? problem)
    {
        values = new Dictionary<string, string>(StringComparer.Ordinal);
        problem = null;
        for (var i = 0; i < options.Length; i += 2)
        {
            if (!known.Contains(options[i]) || i + 1 >= options.Length)
            {
                problem = $"Unknown option or missing value: '{options[i]}'. Options: {string.Join(", ", known)}.";
                return false;
            }

            values[options[i]] = options[i + 1];
        }

        return true;
    }
}
