using System.Data.Common;
using System.Globalization;
using System.Reflection;
using FluentMigrator;
using FluentMigrator.Runner;
using FluentMigrator.Runner.Logging;
using FluentMigrator.Runner.Processors;
using FluentMigrator.Runner.VersionTableInfo;
using FluentMigrator.Runner.Versioning;
using GhStats.Domain;
using GhStats.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GhStats.Storage.Migrations;

/// <summary>Runs the FluentMigrator migrations under the provider's lock, reports schema status, and writes the DDL.</summary>
internal sealed partial class SchemaMigrator(
    RelationalStoreProvider provider,
    IOptions<GhStatsStorageOptions> options,
    ILoggerFactory loggerFactory) : ISchemaMigrator
{
    private static readonly Assembly MigrationsAssembly = typeof(InitialSchema).Assembly;

    private readonly ILogger _logger = loggerFactory.CreateLogger<SchemaMigrator>();

    /// <summary>The newest migration version in this build.</summary>
    public static long LatestVersion { get; } = MigrationsAssembly.GetTypes()
        .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Version ?? 0)
        .Max();

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        var timeout = options.Value.MigrationLockTimeout;
        LogWaitingForLock(_logger, provider.Dialect.Name);
        var migrationLock = await provider.AcquireMigrationLockAsync(timeout, cancellationToken).ConfigureAwait(false);
        await using (migrationLock.ConfigureAwait(false))
        {
            using var runnerServices = BuildRunnerServices(provider.ConnectionString, previewOnly: false, script: null);
            using var scope = runnerServices.CreateScope();
            var runner = scope.ServiceProvider.GetRequiredService<IMigrationRunner>();

            // FluentMigrator is synchronous; it runs on a pool thread so the caller's thread is not held.
            await Task.Run(runner.MigrateUp, CancellationToken.None).ConfigureAwait(false);
            LogMigrated(_logger, provider.Dialect.Name, LatestVersion);
        }
    }

    public async Task<SchemaStatus> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        var connection = provider.CreateConnection();
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is DbException or InvalidOperationException or TimeoutException)
            {
                return new SchemaStatus(false, 0, LatestVersion, $"The database cannot be reached: {exception.Message}");
            }

            try
            {
                var command = connection.CreateCommand();
                await using (command.ConfigureAwait(false))
                {
#pragma warning disable CA2100 // The table name comes from validated options, not from a caller.
                    command.CommandText = $"SELECT MAX(version) FROM {provider.Dialect.Table("schema_versions")}";
#pragma warning restore CA2100
                    var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                    var applied = value is null or DBNull ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);
                    return new SchemaStatus(
                        true,
                        applied,
                        LatestVersion,
                        applied == LatestVersion ? null : $"The schema is at version {applied}; this build needs {LatestVersion}. Run 'migrate' or apply the script.");
                }
            }
            catch (DbException exception)
            {
                return new SchemaStatus(true, 0, LatestVersion, $"The schema is not installed: {exception.Message}");
            }
        }
    }

    public string GenerateScript() => GenerateScript(provider.ConfigureMigrationRunner, provider.Dialect.Schema);

    /// <summary>Writes the DDL of every migration for a provider without connecting to any database.</summary>
    /// <param name="configureRunner">Adds the provider's FluentMigrator generator.</param>
    /// <param name="schema">The schema, or null.</param>
    /// <returns>The script.</returns>
    public static string GenerateScript(Action<IMigrationRunnerBuilder> configureRunner, string? schema)
    {
        using var script = new StringWriter(CultureInfo.InvariantCulture);
        using (var services = BuildRunnerServices(configureRunner, connectionString: null, schema, previewOnly: true, script))
        {
            using var scope = services.CreateScope();
            var runner = scope.ServiceProvider.GetRequiredService<IMigrationRunner>();

            // Without a connection FluentMigrator assumes its version table exists; a DBA's script must create it (and the schema) first.
            var versionTable = scope.ServiceProvider.GetRequiredService<IVersionTableMetaData>();
            if (versionTable.OwnsSchema)
            {
                runner.Up(new VersionSchemaMigration(versionTable));
            }

            runner.Up(new VersionMigration(versionTable));
            runner.Up(new VersionUniqueMigration(versionTable));
            runner.Up(new VersionDescriptionMigration(versionTable));
            runner.MigrateUp();
        }

        // FluentMigrator ends generated statements with ';' but writes Execute.Sql text as it is: end those too.
        var lines = script.ToString().Split('\n').Select(line =>
            line.Length == 0 || line.StartsWith("/*", StringComparison.Ordinal) || line.TrimEnd().EndsWith(';') ? line : line.TrimEnd() + ";");
        return string.Join('\n', lines);
    }

    private ServiceProvider BuildRunnerServices(string connectionString, bool previewOnly, TextWriter? script) =>
        BuildRunnerServices(provider.ConfigureMigrationRunner, connectionString, provider.Dialect.Schema, previewOnly, script, loggerFactory);

    private static ServiceProvider BuildRunnerServices(
        Action<IMigrationRunnerBuilder> configureRunner,
        string? connectionString,
        string? schema,
        bool previewOnly,
        TextWriter? script,
        ILoggerFactory? loggerFactory = null)
    {
        var services = new ServiceCollection()
            .AddSingleton(new StoreSchema(schema))
            .AddFluentMigratorCore()
            .ConfigureRunner(runner =>
            {
                configureRunner(runner);
                if (connectionString is not null)
                {
                    runner.WithGlobalConnectionString(connectionString);
                }

                runner.ScanIn(MigrationsAssembly).For.Migrations();
            })
            .AddScoped<IVersionTableMetaData, GhStatsVersionTable>()
            .Configure<ProcessorOptions>(o => o.PreviewOnly = previewOnly);


        services.AddLogging(logging =>
        {
            logging.ClearProviders();
            if (script is not null)
            {
                logging.AddProvider(new SqlScriptFluentMigratorLoggerProvider(script, new SqlScriptFluentMigratorLoggerOptions { ShowSql = true }));
            }
            else if (loggerFactory is not null)
            {
                logging.AddProvider(new ForwardingLoggerProvider(loggerFactory));
            }
        });

        return services.BuildServiceProvider();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying GhStats migrations on {Provider}; waiting for the migration lock")]
    private static partial void LogWaitingForLock(ILogger logger, string provider);

    [LoggerMessage(Level = LogLevel.Information, Message = "GhStats schema on {Provider} is at version {Version}")]
    private static partial void LogMigrated(ILogger logger, string provider, long version);

    /// <summary>Hands FluentMigrator's log to the host's loggers.</summary>
    private sealed class ForwardingLoggerProvider(ILoggerFactory factory) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => factory.CreateLogger(categoryName);

        public void Dispose()
        {
        }
    }
}
