using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using CsCheck;
using GhStats.Web.Tests.Harness;
using GhStats.Web.Tests.RoleMatrix;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace GhStats.Web.Tests.Abuse;

/// <summary>
/// Security finding 12: every operation of the OpenAPI document, driven with generated malformed input as every kind of
/// caller. No request may answer 5xx, a refused request (4xx) may write nothing, and no answer may carry a tenant's data
/// to a caller without the right to it. The operations come from the served document, so a new route is covered by itself.
/// </summary>
public sealed class ApiAbuseTests(AbuseWorld world, ITestOutputHelper output) : IClassFixture<AbuseWorld>
{
    /// <summary>Generated requests per operation and caller; with the fixed seed, every run sends the same requests.</summary>
    private const int RequestsPerOperation = 20;

    private const uint Stream = 12;

    private const ulong Seed = 20261205;

    /// <summary>One unsafe request in ten carries a forged antiforgery token instead of the session's; the others get past the check to the handler.</summary>
    private static readonly Gen<bool> ForgeAntiforgery = Gen.Int[0, 9].Select(n => n == 0);

    private const int KestrelRequestLineLimit = 8 * 1024;

    [Fact]
    public async Task EveryOperation_WithGeneratedMalformedInput_NeverFails_WritesNothingWhenRefused_AndLeaksNoTenant()
    {
        var operations = ApiOperation.AllOf(await world.Caller(AbuseCaller.Admin).GetJsonAsync("openapi/ghstats.json"));
        operations.Count.ShouldBeGreaterThan(0, "the OpenAPI document lists no operations, so nothing would be tested");
        foreach (var operation in operations)
        {
            output.WriteLine($"{operation}: path {string.Join(',', operation.PathParameters)}; query {string.Join(',', operation.QueryParameters)}; body {(operation.Body is null ? "-" : string.Join(',', operation.Body.Select(p => $"{p.Name}:{p.Type}")))}");
        }

        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        var perCaller = new SortedDictionary<AbuseCaller, int>();
        var handled = 0;
        var closedByKestrel = 0;
        var writesSeen = 0;
        var planted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pcg = new PCG(Stream, Seed);
        var clock = Stopwatch.StartNew();
        using var database = world.App.OpenDatabase();

        foreach (var caller in Enum.GetValues<AbuseCaller>())
        {
            var input = InputFor(caller);
            foreach (var operation in operations)
            {
                var gen = input.For(operation);
                for (var i = 0; i < RequestsPerOperation; i++)
                {
                    var request = gen.Generate(pcg, null, out _);
                    var forgedAntiforgery = request.Method != "GET" && ForgeAntiforgery.Generate(pcg, null, out _);
                    var before = DatabaseSnapshot.Take(database);
                    int status;
                    string body;
                    try
                    {
                        (status, body) = await SendAsync(caller, request, forgedAntiforgery);
                    }
                    catch (HttpRequestException exception)
                    {
                        // Kestrel refuses a request line over its limit (8 KB) with 414 and may close the connection while a
                        // megabyte of URL is still being sent; the app never saw the request. Anything else is a failure.
                        if (request.Path.Length > KestrelRequestLineLimit && DatabaseSnapshot.Take(database) == before)
                        {
                            perCaller[caller] = perCaller.GetValueOrDefault(caller) + 1;
                            closedByKestrel++;
                        }
                        else
                        {
                            failures.Add($"{caller} {operation}: the connection failed ({exception.Message}) on {request}");
                        }

                        continue;
                    }

                    perCaller[caller] = perCaller.GetValueOrDefault(caller) + 1;
                    statuses[status] = statuses.GetValueOrDefault(status) + 1;
                    // 501 is a deliberate refusal, not a fault: a feature this host did not add (testing a channel without
                    // AddNotifications()); like every refusal it must change nothing.
                    if (status >= 500 && status != 501)
                    {
                        failures.Add($"{caller} {operation}: {status} on {request}: {AbuseRequest.Shorten(body)}");
                    }
                    else if (status >= 400)
                    {
                        if (DatabaseSnapshot.Take(database) != before)
                        {
                            failures.Add($"{caller} {operation}: {status} but the database changed, on {request}: {AbuseRequest.Shorten(body)}");
                        }
                    }
                    else
                    {
                        handled++;
                        if (request.Method != "GET")
                        {
                            writesSeen += DatabaseSnapshot.Take(database) != before ? 1 : 0;
                            // What a successful write stored is the caller's own input, not another tenant's data.
                            planted.UnionWith(AllMarkers.Where(m => (request.Path + request.Body).Contains(m, StringComparison.OrdinalIgnoreCase)));
                            await WaitForCollectionAsync(operation, body);
                        }
                    }

                    var sent = Uri.UnescapeDataString(request.Path) + request.Body;
                    var leaked = AbuseWorld.ForbiddenTo(caller)
                        .Where(m => body.Contains(m, StringComparison.OrdinalIgnoreCase) && !sent.Contains(m, StringComparison.OrdinalIgnoreCase) && !planted.Contains(m))
                        .ToList();
                    if (leaked.Count > 0)
                    {
                        failures.Add($"{caller} {operation}: {status} answered {string.Join(", ", leaked)} on {request}: {AbuseRequest.Shorten(body)}");
                    }
                }
            }
        }

        output.WriteLine($"Operations: {operations.Count}; requests: {perCaller.Values.Sum()} in {clock.Elapsed.TotalSeconds:0.0} s; answered 2xx/3xx: {handled}, of which writes the snapshot saw: {writesSeen}");
        output.WriteLine("Requests per caller: " + string.Join(", ", perCaller.Select(p => $"{p.Key} {p.Value}")));
        output.WriteLine("Statuses: " + string.Join(", ", statuses.Select(s => $"{s.Key}: {s.Value}")) + $"; connection closed by Kestrel over a request line of 8 KB: {closedByKestrel}");
        foreach (var failure in failures)
        {
            output.WriteLine("FAILED " + failure);
        }

        failures.ShouldBeEmpty();
        handled.ShouldBeGreaterThan(operations.Count, "too few generated requests got past validation to exercise the handlers");
        writesSeen.ShouldBeGreaterThan(0, "no accepted write changed the snapshot, so it could not have seen a refused one either");
    }

    private static IEnumerable<string> AllMarkers => [.. TenantMarkers.TenantA, .. TenantMarkers.GrantedInA, .. TenantMarkers.HiddenInA, .. TenantMarkers.TenantB];

    /// <summary>The caller's own slugs and ids, those of the other tenant, and strings shaped like valid field values.</summary>
    private AbuseInput InputFor(AbuseCaller caller)
    {
        string[] a = [world.A.Slug, $"{world.GrantedRepository.Id}", $"{world.HiddenRepository.Id}", $"{world.ConnectionOfA.Id}", $"{world.RunId}"];
        string[] b = [world.B.Slug, $"{world.RepositoryOfB.Id}", $"{world.ConnectionOfB.Id}", "owner-b@matrix.example"];
        string[] plausible = ["abuse-new", "bystander@matrix.example", "someone@abuse.example", "viewer", "owner", "pat", "app", "ghp_abuseUnknown", world.Simulator.BaseAddress, "octo-org", "*", "2026-01-01"];
        return caller switch
        {
            AbuseCaller.OwnerOfB => new AbuseInput(b[..3], [.. a, "owner-a@matrix.example"], [.. plausible, world.B.Slug]),
            AbuseCaller.Admin => new AbuseInput([.. a, .. b[..3]], ["999999"], [.. plausible, world.A.Slug, world.B.Slug]),
            _ => new AbuseInput(a, b, [.. plausible, world.A.Slug]),
        };
    }

    private async Task<(int Status, string Body)> SendAsync(AbuseCaller caller, AbuseRequest generated, bool forgedAntiforgery)
    {
        using var request = new HttpRequestMessage(new HttpMethod(generated.Method), generated.Path);
        if (forgedAntiforgery)
        {
            request.Headers.TryAddWithoutValidation(WebCaller.AntiforgeryHeader, "forged-" + generated.Path.Length);
        }

        if (generated.Body is not null)
        {
            request.Content = new ByteArrayContent(AbuseInput.Bytes(generated.Body));
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(generated.MediaType) { CharSet = "utf-8" };
        }

        using var response = await world.Caller(caller).SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A started collection writes in the background; it must end before the next snapshot is taken.</summary>
    private async Task WaitForCollectionAsync(ApiOperation operation, string body)
    {
        if (operation.Path != "/api/v1/collect" || JsonDocument.Parse(body).RootElement.TryGetProperty("id", out var id) is false)
        {
            return;
        }

        var admin = world.Caller(AbuseCaller.Admin);
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var run = await admin.GetJsonAsync($"api/v1/runs/{id.GetInt64()}");
            if (run.GetProperty("status").GetString() != "running")
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Run {id} did not end within 30 s.");
    }
}
