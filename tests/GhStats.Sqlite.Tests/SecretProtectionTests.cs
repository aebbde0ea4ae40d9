using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using GhStats.Storage;
using GhStats.Storage.Conformance;
using GhStats.Storage.Conformance.Databases;
using GhStats.Stores;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shouldly;
using Xunit;

namespace GhStats.Sqlite.Tests;

/// <summary>
/// The store's <see cref="ISecretProtector"/>: Data Protection with its key ring in the database, optionally encrypted with a
/// certificate. A secret that this database's keys cannot read throws the <see cref="CryptographicException"/> the port documents.
/// Each test has its own database, since each builds its own key ring.
/// </summary>
public sealed class SecretProtectionTests : IAsyncLifetime, IDisposable
{
    private const string Token = "ghp_secretThatMustComeBackUnchanged0001";

    private readonly SqliteDatabaseFixture _database = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("ghstats-keys-").FullName;

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task ASecondProcessOnTheSameDatabase_ReadsTheSecret()
    {
        string protectedSecret;
        await using (var first = _database.BuildServices(TimeProvider.System))
        {
            protectedSecret = first.GetRequiredService<ISecretProtector>().Protect(Token);
        }

        await using var second = _database.BuildServices(TimeProvider.System);
        second.GetRequiredService<ISecretProtector>().Unprotect(protectedSecret).ShouldBe(Token);
        protectedSecret.ShouldNotContain(Token);
    }

    [Fact]
    public async Task ASecretFromAnotherDatabasesKeyRing_ThrowsCryptographicException_ThatSaysToEnterItAgain()
    {
        var foreign = await ForeignKeyRing.ProtectAsync(Token);
        await using var services = _database.BuildServices(TimeProvider.System);

        var refused = Should.Throw<CryptographicException>(() => services.GetRequiredService<ISecretProtector>().Unprotect(foreign));

        refused.Message.ShouldContain("cannot be decrypted");
        refused.Message.ShouldContain("Enter the token or key again");
    }

    [Fact]
    public async Task ASecretWhoseKeyRingWasDeleted_ThrowsCryptographicException()
    {
        string protectedSecret;
        await using (var first = _database.BuildServices(TimeProvider.System))
        {
            protectedSecret = first.GetRequiredService<ISecretProtector>().Protect(Token);
        }

        await using (var connection = new SqliteConnection(_database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM data_protection_keys";
            (await delete.ExecuteNonQueryAsync()).ShouldBeGreaterThan(0);
        }

        await using var second = _database.BuildServices(TimeProvider.System);
        Should.Throw<CryptographicException>(() => second.GetRequiredService<ISecretProtector>().Unprotect(protectedSecret))
            .Message.ShouldContain("cannot be decrypted");
    }

    [Fact]
    public async Task TheKeyCertificateFromConfiguration_EncryptsTheKeysInTheDatabase_AndAProcessWithItReadsTheSecret()
    {
        var certificate = NewCertificate("right", "pfx-password");
        string protectedSecret;
        await using (var first = BuildWithConfiguration(certificate, "pfx-password"))
        {
            protectedSecret = first.GetRequiredService<ISecretProtector>().Protect(Token);
            var keys = await first.GetRequiredService<IDataProtectionKeyStore>().ListAsync();
            keys.ShouldNotBeEmpty();
            keys.ShouldAllBe(k => k.Xml.Contains("<encryptedSecret", StringComparison.Ordinal) && !k.Xml.Contains("<value>", StringComparison.Ordinal));
        }

        await using var second = _database.BuildServices(TimeProvider.System, services =>
            new GhStatsBuilder(services, new ConfigurationBuilder().Build()).ConfigureDataProtection(o =>
            {
                o.KeyCertificatePath = certificate;
                o.KeyCertificatePassword = "pfx-password";
            }));
        second.GetRequiredService<ISecretProtector>().Unprotect(protectedSecret).ShouldBe(Token);
    }

    [Fact]
    public async Task KeysEncryptedWithAnotherCertificate_MakeTheSecretThrowCryptographicException()
    {
        string protectedSecret;
        await using (var first = BuildWithConfiguration(NewCertificate("first", password: null), password: null))
        {
            protectedSecret = first.GetRequiredService<ISecretProtector>().Protect(Token);
        }

        var other = NewCertificate("second", password: null);
        await using var second = _database.BuildServices(TimeProvider.System, services =>
            new GhStatsBuilder(services, new ConfigurationBuilder().Build()).ConfigureDataProtection(o => o.KeyCertificatePath = other));

        Should.Throw<CryptographicException>(() => second.GetRequiredService<ISecretProtector>().Unprotect(protectedSecret))
            .Message.ShouldContain("cannot be decrypted");
    }

    [Fact]
    public async Task AKeyCertificateThatCannotBeLoaded_FailsValidation_WithEveryError()
    {
        var missing = Path.Combine(_folder, "missing.pfx");
        await using var services = _database.BuildServices(TimeProvider.System, s =>
            new GhStatsBuilder(s, new ConfigurationBuilder().Build()).ConfigureDataProtection(o => o.KeyCertificatePath = missing));

        var failure = Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IOptions<GhStatsDataProtectionOptions>>().Value);

        failure.Failures.ShouldHaveSingleItem().ShouldContain($"GhStats:DataProtection:KeyCertificatePath '{missing}' does not exist");

        await using var passwordOnly = _database.BuildServices(TimeProvider.System, s =>
            new GhStatsBuilder(s, new ConfigurationBuilder().Build()).ConfigureDataProtection(o => o.KeyCertificatePassword = "orphan"));
        Should.Throw<OptionsValidationException>(() => passwordOnly.GetRequiredService<IOptions<GhStatsDataProtectionOptions>>().Value)
            .Failures.ShouldHaveSingleItem().ShouldContain("KeyCertificatePassword is set but GhStats:DataProtection:KeyCertificatePath is not");
    }

    /// <summary>Services built from configuration keys, as a host's appsettings.json or environment give them.</summary>
    private ServiceProvider BuildWithConfiguration(string certificatePath, string? password)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GhStats:DataProtection:KeyCertificatePath"] = certificatePath,
            ["GhStats:DataProtection:KeyCertificatePassword"] = password,
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddGhStats(configuration.GetSection("GhStats")).UseSqlite(_database.ConnectionString);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private string NewCertificate(string name, string? password)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN=GhStats test keys {name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var path = Path.Combine(_folder, name + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }
}
