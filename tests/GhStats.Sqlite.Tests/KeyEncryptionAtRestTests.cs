using System.Security.Cryptography;
using GhStats.Storage.Conformance.Databases;
using GhStats.Stores;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Shouldly;
using Xunit;

namespace GhStats.Sqlite.Tests;

/// <summary>
/// In Production the Data Protection keys in the database are encrypted with no configuration: a key-encryption certificate is
/// created outside the database, and a process whose certificate cannot read the key ring refuses to start.
/// </summary>
public sealed class KeyEncryptionAtRestTests : IAsyncLifetime, IDisposable
{
    private const string Token = "ghp_secretThatMustComeBackUnchanged0002";

    private readonly SqliteDatabaseFixture _database = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("ghstats-kek-").FullName;

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task InProduction_WithNothingConfigured_TheKeysAreEncryptedWithACreatedCertificate_ThatSurvivesARestart()
    {
        var certificate = Path.Combine(_folder, "replica-a", "key-encryption.pfx");
        var logs = new LogCollector();
        string protectedSecret;
        await using (var first = Build(Environments.Production, certificate, logs))
        {
            await StartAsync(first);
            protectedSecret = first.GetRequiredService<ISecretProtector>().Protect(Token);
            var keys = await first.GetRequiredService<IDataProtectionKeyStore>().ListAsync();
            keys.ShouldNotBeEmpty();
            keys.ShouldAllBe(k => k.Xml.Contains("EncryptedData", StringComparison.Ordinal) && !k.Xml.Contains("<value>", StringComparison.Ordinal));
        }

        File.Exists(certificate).ShouldBeTrue();
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(certificate).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.GetUnixFileMode(Path.GetDirectoryName(certificate)!).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        logs.Messages.ShouldContain(m => m.Level == LogLevel.Warning && m.Text.Contains(certificate, StringComparison.Ordinal) && m.Text.Contains("back it up", StringComparison.Ordinal));

        await using var restarted = Build(Environments.Production, certificate, new LogCollector());
        await StartAsync(restarted);
        restarted.GetRequiredService<ISecretProtector>().Unprotect(protectedSecret).ShouldBe(Token);
    }

    [Fact]
    public async Task InProduction_ASecondReplicaWithAnotherCertificate_FailsAtStart_SayingWhatToConfigure()
    {
        await using (var first = Build(Environments.Production, Path.Combine(_folder, "replica-a", "key-encryption.pfx"), new LogCollector()))
        {
            await StartAsync(first);
            first.GetRequiredService<ISecretProtector>().Protect(Token);
        }

        await using var second = Build(Environments.Production, Path.Combine(_folder, "replica-b", "key-encryption.pfx"), new LogCollector());

        var failure = await Should.ThrowAsync<InvalidOperationException>(() => StartAsync(second));
        failure.Message.ShouldContain("GhStats:DataProtection:KeyCertificatePath");
        failure.Message.ShouldContain("cannot be decrypted");
    }

    [Fact]
    public async Task InProduction_TheOptOut_StoresUnencryptedKeys_AndSaysSo()
    {
        var certificate = Path.Combine(_folder, "unused", "key-encryption.pfx");
        var logs = new LogCollector();
        await using var services = Build(Environments.Production, certificate, logs, ("GhStats:DataProtection:AllowUnencryptedKeys", "true"));
        await StartAsync(services);
        services.GetRequiredService<ISecretProtector>().Protect(Token);

        var keys = await services.GetRequiredService<IDataProtectionKeyStore>().ListAsync();
        keys.ShouldNotBeEmpty();
        keys.ShouldAllBe(k => k.Xml.Contains("<value>", StringComparison.Ordinal) && !k.Xml.Contains("EncryptedData", StringComparison.Ordinal));
        File.Exists(certificate).ShouldBeFalse();
        logs.Messages.ShouldContain(m => m.Level == LogLevel.Warning && m.Text.Contains("AllowUnencryptedKeys", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InDevelopment_NothingChanges_KeysAreStoredUnencrypted_AndNoCertificateIsCreated()
    {
        var certificate = Path.Combine(_folder, "dev", "key-encryption.pfx");
        await using var services = Build(Environments.Development, certificate, new LogCollector());
        await StartAsync(services);
        var protectedSecret = services.GetRequiredService<ISecretProtector>().Protect(Token);

        services.GetRequiredService<ISecretProtector>().Unprotect(protectedSecret).ShouldBe(Token);
        File.Exists(certificate).ShouldBeFalse();
        (await services.GetRequiredService<IDataProtectionKeyStore>().ListAsync()).ShouldAllBe(k => !k.Xml.Contains("EncryptedData", StringComparison.Ordinal));
    }

    private static async Task StartAsync(IServiceProvider services)
    {
        foreach (var hosted in services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }
    }

    /// <summary>Services as a host builds them: its environment registered first, settings from configuration, logs collected.</summary>
    private ServiceProvider Build(string environment, string generatedCertificatePath, LogCollector logs, params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?>
        {
            ["GhStats:Storage:MigrateOnStartup"] = "true",
            ["GhStats:DataProtection:GeneratedKeyCertificatePath"] = generatedCertificatePath,
        };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IHostEnvironment>(new TestEnvironment(environment, _folder));
        services.AddLogging(b => b.AddProvider(logs));
        services.AddGhStats(configuration.GetSection("GhStats")).UseSqlite(_database.ConnectionString);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private sealed class TestEnvironment(string name, string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "GhStats.Tests";

        public string ContentRootPath { get; set; } = root;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private sealed record LogMessage(LogLevel Level, string Text);

    private sealed class LogCollector : ILoggerProvider
    {
        public List<LogMessage> Messages { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Collector(this);

        public void Dispose()
        {
        }

        private sealed class Collector(LogCollector owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (owner.Messages)
                {
                    owner.Messages.Add(new LogMessage(logLevel, formatter(state, exception)));
                }
            }
        }
    }
}
