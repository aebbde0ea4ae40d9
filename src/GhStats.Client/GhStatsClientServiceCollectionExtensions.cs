using GhStats.Client;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Refit;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the GhStats client with IHttpClientFactory.</summary>
public static class GhStatsClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IGhStatsClient"/> as a typed HttpClient. The options are checked when the first client is
    /// made, or at start in a host (<c>ValidateOnStart</c>), naming every problem at once.
    /// </summary>
    /// <param name="services">The app's services.</param>
    /// <param name="configure">Sets the server's address, the personal API token and, if need be, the timeout.</param>
    /// <returns>The HttpClient builder, to add handlers such as <c>.AddStandardResilienceHandler()</c>.</returns>
    public static IHttpClientBuilder AddGhStatsClient(this IServiceCollection services, Action<GhStatsClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<GhStatsClientOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GhStatsClientOptions>, GhStatsClientOptionsValidator>());
        return services
            .AddRefitGeneratedClient<IGhStatsClient>(provider => GhStatsClient.Settings(provider.GetRequiredService<IOptions<GhStatsClientOptions>>().Value, provider.GetService<TimeProvider>() ?? TimeProvider.System))
            .ConfigureHttpClient((provider, http) => GhStatsClient.Configure(http, provider.GetRequiredService<IOptions<GhStatsClientOptions>>().Value))
            .AddHttpMessageHandler(() => new ResponseBufferingHandler());
    }
}
