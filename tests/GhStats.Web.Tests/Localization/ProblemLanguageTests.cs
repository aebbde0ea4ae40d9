using System.Net;
using System.Text.Json;
using GhStats.Web.Tests.Harness;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests.Localization;

/// <summary>
/// Problem details speak the request's language: <c>title</c> and <c>detail</c> translated, <c>type</c> and
/// <c>status</c> the same in every language; also for the answers written before an endpoint runs (401, 429).
/// </summary>
public sealed class ProblemLanguageTests(ProblemLanguageTests.World world) : IClassFixture<ProblemLanguageTests.World>
{
    [Fact]
    public async Task TheSameProblem_InEnglishGermanAndJapanese_HasTheSameTypeAndStatus()
    {
        var english = await ProblemAsync(world.Admin, "api/v1/audit?limit=0", acceptLanguage: null);
        var german = await ProblemAsync(world.Admin, "api/v1/audit?limit=0", "de-DE,de;q=0.9");
        var japanese = await ProblemAsync(world.Admin, "api/v1/audit?limit=0", "ja");

        english.Title.ShouldBe("Invalid request");
        english.Detail.ShouldBe("limit must be a number between 1 and 200, not '0'.");
        german.Title.ShouldBe("Ungültige Anfrage");
        german.Detail.ShouldBe("limit muss eine Zahl zwischen 1 und 200 sein, nicht „0“.");
        japanese.Title.ShouldBe("無効な要求です");
        japanese.Detail.ShouldBe("limit は '0' ではなく 1 から 200 までの数値にしてください。");
        german.Type.ShouldBe(english.Type);
        japanese.Type.ShouldBe(english.Type);
        english.Type.ShouldNotBeNullOrEmpty();
        english.Status.ShouldBe(400);
        german.Status.ShouldBe(400);
        japanese.Status.ShouldBe(400);
    }

    [Fact]
    public async Task AProblemWithAPreciseTitle_IsTranslated()
    {
        var request = WebCaller.WithJson(HttpMethod.Post, "api/v1/me/tokens", new { name = "x" });
        request.Headers.Add(WebCaller.AntiforgeryHeader, "not-the-token");
        var problem = await ProblemAsync(world.Session, request, "fr");

        problem.Status.ShouldBe(400);
        problem.Title.ShouldBe("Jeton antifalsification manquant");
        problem.Detail.ShouldContain("GET /api/v1/me");
        problem.Detail.ShouldStartWith("Une modification effectuée avec un cookie de session");
    }

    [Fact]
    public async Task ALowerLayersMessage_StaysEnglish_UnderATranslatedTitle()
    {
        var problem = await ProblemAsync(world.Admin, "api/v1/repos/987654", "de");

        problem.Status.ShouldBe(404);
        problem.Title.ShouldBe("Nicht gefunden");
        problem.Detail.ShouldBe("No repository 987654 exists here.");
    }

    [Fact]
    public async Task TheTokenHandlers401_IsInTheRequestsLanguage()
    {
        var stranger = world.App.WithToken("ghst_" + new string('a', 43));

        var problem = await ProblemAsync(stranger, "api/v1/me", "de");

        problem.Status.ShouldBe(401);
        problem.Title.ShouldBe("Nicht angemeldet");
        problem.Detail.ShouldBe("Senden Sie ein gültiges persönliches API-Token als „Authorization: Bearer <token>“, oder melden Sie sich an.");
    }

    [Fact]
    public async Task TheRateLimits429_IsInTheRequestsLanguage()
    {
        await using var app = await WebApp.StartAsync(new WebAppOptions
        {
            Environment = "Development",
            Settings = new Dictionary<string, string?>
            {
                ["GhStats:RateLimits:ApiToken:PermitLimit"] = "1",
                ["GhStats:RateLimits:ApiToken:Window"] = "00:01:00",
            },
        });
        var busy = app.As(await app.CreateUserAsync("busy@problem-language.example"));
        (await busy.GetAsync("api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var problem = await ProblemAsync(busy, "api/v1/me", "de");

        problem.Status.ShouldBe(429);
        problem.Title.ShouldBe("Zu viele Anfragen");
        problem.Detail.ShouldMatch(@"^Zu viele Anfragen; versuchen Sie es in \d+ s erneut\.$");
    }

    [Fact]
    public async Task TheOpenApiDocument_IsTheSameInEveryLanguage()
    {
        var english = await TextAsync("openapi/ghstats.json", acceptLanguage: null);
        var german = await TextAsync("openapi/ghstats.json", "de");
        var japanese = await TextAsync("openapi/ghstats.json", "ja");

        english.ShouldContain("\"openapi\"");
        german.ShouldBe(english);
        japanese.ShouldBe(english);
    }

    private async Task<string> TextAsync(string path, string? acceptLanguage)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        using var response = await world.App.Anonymous().SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    private static Task<Problem> ProblemAsync(WebCaller caller, string path, string? acceptLanguage) =>
        ProblemAsync(caller, new HttpRequestMessage(HttpMethod.Get, path), acceptLanguage);

    private static async Task<Problem> ProblemAsync(WebCaller caller, HttpRequestMessage request, string? acceptLanguage)
    {
        using (request)
        {
            if (acceptLanguage is not null)
            {
                request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
            }

            using var response = await caller.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", $"{(int)response.StatusCode} {body}");
            var problem = JsonDocument.Parse(body).RootElement;
            problem.GetProperty("status").GetInt32().ShouldBe((int)response.StatusCode);
            return new Problem(
                problem.TryGetProperty("type", out var type) ? type.GetString() : null,
                problem.GetProperty("status").GetInt32(),
                problem.GetProperty("title").GetString()!,
                problem.GetProperty("detail").GetString()!);
        }
    }

    private sealed record Problem(string? Type, int Status, string Title, string Detail);

    /// <summary>One app in Development with an admin (by token) and a signed-in session.</summary>
    public sealed class World : IAsyncLifetime
    {
        private WebApp? _app;

        public WebApp App => _app ?? throw new InvalidOperationException("Not started.");

        public WebCaller Admin { get; private set; } = null!;

        public WebCaller Session { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _app = await WebApp.StartAsync(new WebAppOptions { Environment = "Development" });
            var admin = await _app.CreateUserAsync("admin@problem-language.example", Domain.SystemRole.Admin);
            Admin = _app.As(admin);
            Session = await _app.SignInAsync(admin.Email);
        }

        public async Task DisposeAsync()
        {
            if (_app is not null)
            {
                await _app.DisposeAsync();
            }
        }
    }
}
