using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;

namespace GhStats.Bench.Queries;

/// <summary>
/// Closed-loop load: N workers, each with its own HTTP/1.1 keep-alive connection and one request in flight, ask for one
/// URL again and again. After the warm-up, every request that completes inside the window is recorded with its latency
/// (all of them, unbucketed). Every body is compared byte for byte with the first, so a fast wrong answer is an error.
/// </summary>
/// <param name="options">What to drive.</param>
/// <param name="token">A Bearer token, or null.</param>
internal sealed class LoadGenerator(LoadOptions options, string? token)
{
    public async Task<LoadResult> RunAsync()
    {
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = options.Connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            UseProxy = false,
        };
        using var client = new HttpClient(handler)
        {
            DefaultRequestVersion = HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Timeout = TimeSpan.FromSeconds(60),
        };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var expected = await ReferenceAsync(client);

        // The server's samples go over their own connection, so they never take a load connection's turn.
        using var sampler = new HttpClient();
        var start = Stopwatch.GetTimestamp();
        var windowStart = start + Ticks(options.Warmup);
        var windowEnd = windowStart + Ticks(options.Duration);
        var workers = Enumerable.Range(0, options.Connections)
            .Select(_ => Task.Run(() => WorkAsync(client, expected, windowStart, windowEnd)))
            .ToList();

        await WaitUntilAsync(windowStart);
        var serverBefore = await SampleAsync(sampler, reset: true);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        await WaitUntilAsync(windowEnd);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var serverAfter = await SampleAsync(sampler, reset: false);
        var tallies = await Task.WhenAll(workers);

        var latencies = tallies.SelectMany(t => t.Latencies).ToArray();
        return new LoadResult(
            options.Url.ToString(),
            options.Connections,
            options.Duration.TotalSeconds,
            latencies.Length,
            tallies.Sum(t => t.Errors),
            tallies.Sum(t => t.WarmupRequests),
            expected.Length,
            LatencySummary.FromTicks(latencies),
            cpu.TotalSeconds,
            serverBefore,
            serverAfter,
            tallies.Select(t => t.FirstError).FirstOrDefault(e => e is not null));
    }

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    private static async Task WaitUntilAsync(long timestamp)
    {
        var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp);
        if (left > TimeSpan.Zero)
        {
            await Task.Delay(left);
        }
    }

    private static async Task<(int Read, bool Overflow)> ReadBodyAsync(HttpResponseMessage response, byte[] buffer)
    {
        await using var body = await response.Content.ReadAsStreamAsync();
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await body.ReadAsync(buffer.AsMemory(read));
            if (n == 0)
            {
                return (read, false);
            }

            read += n;
        }

        // The buffer holds one byte more than expected: the body is too long. Drain it so the connection stays usable.
        await body.CopyToAsync(Stream.Null);
        return (read, true);
    }

    /// <summary>The first response: it must succeed and, if a hash was given, be exactly those bytes.</summary>
    private async Task<byte[]> ReferenceAsync(HttpClient client)
    {
        using var response = await client.GetAsync(options.Url);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{options.Url} answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 500)))}");
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(body));
        if (options.ExpectedSha256 is { } expected && !string.Equals(sha, expected, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{options.Url} answered {body.Length} bytes with SHA-256 {sha}, not the expected {expected}.");
        }

        return body;
    }

    private async Task<ServerSample?> SampleAsync(HttpClient client, bool reset)
    {
        if (options.SampleUrl is null)
        {
            return null;
        }

        var url = reset ? new Uri(options.SampleUrl + "?reset=true") : options.SampleUrl;
        return await client.GetFromJsonAsync<ServerSample>(url, BenchJson.Options);
    }

    private async Task<WorkerTally> WorkAsync(HttpClient client, byte[] expected, long windowStart, long windowEnd)
    {
        var tally = new WorkerTally();
        var buffer = new byte[expected.Length + 1];
        while (true)
        {
            var began = Stopwatch.GetTimestamp();
            if (began >= windowEnd)
            {
                return tally;
            }

            string? error = null;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, options.Url);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                var (read, overflow) = await ReadBodyAsync(response, buffer);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    error = $"status {(int)response.StatusCode}";
                }
                else if (overflow || read != expected.Length || !buffer.AsSpan(0, read).SequenceEqual(expected))
                {
                    error = $"a body of {(overflow ? "more than " : string.Empty)}{read} bytes unlike the expected {expected.Length}";
                }
            }
            catch (HttpRequestException ex)
            {
                error = ex.Message;
            }
            catch (IOException ex)
            {
                error = ex.Message;
            }
            catch (TaskCanceledException ex)
            {
                error = "timed out: " + ex.Message;
            }

            var ended = Stopwatch.GetTimestamp();
            if (ended < windowStart)
            {
                tally.WarmupRequests++;
            }
            else if (ended < windowEnd)
            {
                if (error is null)
                {
                    tally.Latencies.Add(ended - began);
                }
                else
                {
                    tally.Errors++;
                    tally.FirstError ??= error;
                }
            }
        }
    }

    /// <summary>One worker's share, merged at the end so the hot loop shares nothing.</summary>
    private sealed class WorkerTally
    {
        public List<long> Latencies { get; } = new(capacity: 16 * 1024);

        public long Errors { get; set; }

        public long WarmupRequests { get; set; }

        public string? FirstError { get; set; }
    }
}
