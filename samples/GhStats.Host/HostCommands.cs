using GhStats.Stores;

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
          GhStats.Host migrate                      apply pending migrations to the configured database and exit
          GhStats.Host migrate --script <provider>  print the schema DDL for sqlite, postgres or db2 (no connection needed)
          GhStats.Host help                         show this text

        Settings come from appsettings.json and environment variables (GhStats__Storage__Provider, GhStats__Sqlite__ConnectionString, ...).
        """;

    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "migrate" or "help" or "--help" or "-h";

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

            default:
                await error.WriteLineAsync($"Unknown command '{string.Join(' ', args)}'.");
                await error.WriteLineAsync(Help);
                return Usage;
        }
    }
}
