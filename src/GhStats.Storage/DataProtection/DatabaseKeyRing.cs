using GhStats.Stores;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GhStats.Storage.DataProtection;

/// <summary>
/// Data Protection with its key ring in the GhStats database, and the <see cref="ISecretProtector"/> built on it: every process
/// with a store (web, collector-only worker, host commands) reads the secrets and cookies every other one wrote.
/// </summary>
internal static class DatabaseKeyRing
{
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        // Binding twice would apply the section twice; the key certificate's registration says whether this already ran.
        if (services.Any(d => d.ServiceType == typeof(KeyCertificate)))
        {
            return;
        }

        services.AddOptions<GhStatsDataProtectionOptions>()
            .Bind(configuration.GetSection(GhStatsDataProtectionOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GhStatsDataProtectionOptions>, GhStatsDataProtectionOptionsValidator>());
        services.TryAddSingleton<KeyCertificate>();

        services.AddDataProtection();

        // Post-configured, so a host that chose its own key storage, key encryption or application name keeps it.
        services.AddOptions<KeyManagementOptions>().PostConfigure<IDataProtectionKeyStore, KeyCertificate, ILoggerFactory>((options, keys, certificate, loggers) =>
        {
            options.XmlRepository ??= new DatabaseXmlRepository(keys);
            if (certificate.Certificate is { } key)
            {
                options.XmlEncryptor ??= new CertificateXmlEncryptor(key, loggers);
            }
        });

        services.AddSingleton(new DatabaseKeyRingProbe(configuration, IsProduction(services)));
        ReadKeysWithTheConfiguredCertificate(services);

        // After MigrateOnStartup, which the store registers first, so the key table exists.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, KeyRingStartupCheck>());

        // ASP.NET Core sets the discriminator to the content root, which differs between replicas installed in different
        // folders and would make each refuse the others' cookies and secrets; a host's SetApplicationName is kept.
        services.AddOptions<DataProtectionOptions>().PostConfigure<IServiceProvider>((options, provider) =>
        {
            if (string.IsNullOrEmpty(options.ApplicationDiscriminator) || options.ApplicationDiscriminator == provider.GetApplicationUniqueIdentifier())
            {
                options.ApplicationDiscriminator = "GhStats";
            }
        });
        services.TryAddSingleton<ISecretProtector, DataProtectionSecretProtector>();
    }

    /// <summary>Applies code configuration from the builder, to the options and to the key-decryption certificate.</summary>
    public static void Configure(IServiceCollection services, IConfiguration configuration, Action<GhStatsDataProtectionOptions> configure)
    {
        Add(services, configuration);
        services.Configure(configure);
        Probe(services).CodeConfiguration.Add(configure);
        ReadKeysWithTheConfiguredCertificate(services);
    }

    /// <summary>
    /// Data Protection reads keys encrypted with a certificate only through certificates given to it while services are
    /// registered (its decryption options are not public), so the settings are read now, as the options will read them,
    /// and a certificate that loads is handed over; one that does not is reported at start by the options' validator.
    /// </summary>
    private static void ReadKeysWithTheConfiguredCertificate(IServiceCollection services)
    {
        var probe = Probe(services);
        var settings = probe.Read();
        var path = settings.KeyCertificatePath;
        var password = settings.KeyCertificatePassword;
        if (string.IsNullOrWhiteSpace(path) && probe.IsProduction && !settings.AllowUnencryptedKeys)
        {
            // Production never stores its keys unencrypted by default: without a configured certificate it makes its own, outside the database.
            path = Path.GetFullPath(string.IsNullOrWhiteSpace(settings.GeneratedKeyCertificatePath) ? GeneratedKeyCertificate.DefaultPath : settings.GeneratedKeyCertificatePath);
            password = null;
            if (probe.GeneratedCertificatePath is null)
            {
                probe.GeneratedCertificateCreated = GeneratedKeyCertificate.CreateIfMissing(path, TimeProvider.System);
                probe.GeneratedCertificatePath = path;
            }
        }

        if (string.IsNullOrWhiteSpace(path) || !probe.LoadedPaths.Add(path) || !File.Exists(path))
        {
            return;
        }

        try
        {
            services.AddDataProtection().UnprotectKeysWithAnyCertificate(KeyCertificate.Load(path, password));
        }
        catch (InvalidOperationException)
        {
            // GhStatsDataProtectionOptionsValidator says why at start, with every other error.
        }
    }

    private static DatabaseKeyRingProbe Probe(IServiceCollection services) =>
        services.Where(d => !d.IsKeyedService).Select(d => d.ImplementationInstance).OfType<DatabaseKeyRingProbe>().Single();

    /// <summary>A host registers its environment before the application's services; a bare service collection is not Production.</summary>
    private static bool IsProduction(IServiceCollection services) =>
        services.Where(d => !d.IsKeyedService).Select(d => d.ImplementationInstance).OfType<IHostEnvironment>().FirstOrDefault()?.IsProduction() == true;
}

/// <summary>The Data Protection settings as registration sees them: the configuration section, then the builder's code.</summary>
internal sealed class DatabaseKeyRingProbe(IConfiguration configuration, bool isProduction)
{
    public bool IsProduction { get; } = isProduction;

    /// <summary>The certificate Production made for itself because none was configured, or null.</summary>
    public string? GeneratedCertificatePath { get; set; }

    public bool GeneratedCertificateCreated { get; set; }

    public List<Action<GhStatsDataProtectionOptions>> CodeConfiguration { get; } = [];

    public HashSet<string> LoadedPaths { get; } = new(StringComparer.Ordinal);

    public GhStatsDataProtectionOptions Read()
    {
        var settings = new GhStatsDataProtectionOptions();
        configuration.GetSection(GhStatsDataProtectionOptions.SectionName).Bind(settings);
        foreach (var configure in CodeConfiguration)
        {
            configure(settings);
        }

        return settings;
    }
}
