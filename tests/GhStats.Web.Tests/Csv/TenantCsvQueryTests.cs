using System.Collections.Concurrent;
using System.Net;
using System.Reflection;
using GhStats.Domain;
using GhStats.Stores;
using GhStats.Web.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests.Csv;

/// <summary>
/// The tenant's traffic export reads every repository's days with one store call per tenant, however many repositories
/// the tenant tracks: a recording <see cref="ITrafficStore"/> in front of the real one sees every read it makes.
/// </summary>
public sealed class TenantCsvQueryTests
{
    [Fact]
    public async Task TenantTrafficCsv_ReadsTrafficOncePerTenant_NotOncePerRepository()
    {
        var reads = new ConcurrentQueue<string>();
        await using var app = await WebApp.StartAsync(new WebAppOptions { ConfigureServices = services => RecordTrafficReads(services, reads) });
        var tenant = await app.CreateTenantAsync("many");
        var owner = await app.CreateUserAsync("owner@many.example");
        await app.AddMemberAsync(tenant, owner, TenantRole.Owner);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var days = new List<TrafficDay>();
        foreach (var name in new[] { "one", "two", "three", "four", "five" })
        {
            var repository = await app.TrackAsync(tenant, "octo", name);
            days.AddRange(Enumerable.Range(1, 3).Select(back => new TrafficDay(repository.Id, today.AddDays(-back), back, 1, 0, 0)));
        }

        await app.Get<ITrafficStore>().MergeTrafficDaysAsync(days);
        reads.Clear();

        using var response = await app.As(owner).GetAsync("api/v1/traffic.csv?tenant=many");
        var text = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        // Every day of the default 30-day range for each of the five, the stored ones known (partial: merged without a window).
        var records = Rfc4180.Parse(text);
        records.Count.ShouldBe(1 + (5 * 30));
        records.Count(r => r[3] == "partial").ShouldBe(days.Count);
        reads.ShouldBe([nameof(ITrafficStore.StreamTenantTrafficDaysAsync)]);

        // Byte for byte what the per-repository exports give, in the repository listing's order, each line led by the tenant.
        var expected = new System.Text.StringBuilder("tenant,repository,date,coverage,views,unique_views,clones,unique_clones\r\n");
        foreach (var repository in await app.Get<IRepositoryStore>().ListAsync(tenant.Id))
        {
            using var single = await app.As(owner).GetAsync($"api/v1/repos/{repository.Id}/traffic.csv");
            single.StatusCode.ShouldBe(HttpStatusCode.OK);
            foreach (var line in (await single.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1))
            {
                expected.Append("many,").Append(line).Append("\r\n");
            }
        }

        text.ShouldBe(expected.ToString());
    }

    /// <summary>Puts a recorder in front of the registered traffic store; it notes each read (merges are the collector's business).</summary>
    private static void RecordTrafficReads(IServiceCollection services, ConcurrentQueue<string> reads)
    {
        var registered = services.Last(d => d.ServiceType == typeof(ITrafficStore));
        services.Remove(registered);
        services.Add(new ServiceDescriptor(
            typeof(ITrafficStore),
            provider =>
            {
                var inner = (ITrafficStore)(registered.ImplementationInstance
                    ?? registered.ImplementationFactory?.Invoke(provider)
                    ?? ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!));
                return ReadRecorder.Wrap(inner, reads);
            },
            registered.Lifetime));
    }

    /// <summary>An <see cref="ITrafficStore"/> that forwards every call and records the name of each read.</summary>
    public class ReadRecorder : DispatchProxy
    {
        private ITrafficStore _inner = null!;
        private ConcurrentQueue<string> _reads = null!;

        public static ITrafficStore Wrap(ITrafficStore inner, ConcurrentQueue<string> reads)
        {
            var proxy = Create<ITrafficStore, ReadRecorder>();
            var recorder = (ReadRecorder)(object)proxy;
            recorder._inner = inner;
            recorder._reads = reads;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(targetMethod);
            if (!targetMethod.Name.StartsWith("Merge", StringComparison.Ordinal))
            {
                _reads.Enqueue(targetMethod.Name);
            }

            try
            {
                return targetMethod.Invoke(_inner, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
                throw;
            }
        }
    }
}
