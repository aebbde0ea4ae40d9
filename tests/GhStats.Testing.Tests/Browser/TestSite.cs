using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit;

namespace GhStats.Testing.Tests.Browser;

/// <summary>
/// Tiny pages on a loopback Kestrel, every response under the policy GhStats' pages will have
/// (<see cref="ContentSecurityPolicy"/>: no inline script, no inline style, nothing from elsewhere).
/// </summary>
public sealed class TestSite : IAsyncLifetime
{
    public const string ContentSecurityPolicy = "default-src 'self'; script-src 'self'";

    private static readonly Dictionary<string, (string ContentType, string Body)> Files = new(StringComparer.Ordinal)
    {
        ["/hello"] = Html("Hello", "<main><h1>Hello from Kestrel</h1><p>A page with nothing wrong with it.</p></main>"),
        ["/tall"] = Html("Tall", "<main><h1>A page taller than any screen</h1><div class=\"tall\">Keep scrolling.</div><p>The end.</p></main>"),
        ["/inaccessible"] = Html(
            "Inaccessible",
            "<main><h1>Search</h1><input type=\"text\" name=\"q\"><p class=\"faint\">This text is too faint to read.</p></main>"),
        ["/script-error"] = Html("Script error", "<main><h1>Throws</h1></main><script src=\"/throws.js\"></script>"),
        ["/inline-script"] = Html("Inline script", "<main><h1>Inline</h1></main><script>document.title = 'inline ran';</script>"),
        ["/forbidden-fetch"] = Html("Forbidden fetch", "<main><h1>Fetches a 403</h1><p id=\"status\">waiting</p></main><script src=\"/fetch-forbidden.js\"></script>"),
        ["/site.css"] = ("text/css", """
            body { font-family: sans-serif; color: #111; background: #fff; }
            .faint { color: #c8c8c8; }
            .tall { height: 2000px; }
            """),
        // Declared by every page: without an icon, Chromium asks for /favicon.ico, and its 404 is a console error.
        ["/icon.svg"] = ("image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 16 16\"><rect width=\"16\" height=\"16\" fill=\"#2d6cdf\"/></svg>"),
        ["/throws.js"] = ("text/javascript", "throw new Error('deliberate failure in throws.js');"),
        ["/fetch-forbidden.js"] = ("text/javascript", """
            fetch('/api/forbidden').then(response => { document.getElementById('status').textContent = 'answered ' + response.status; });
            """),
    };

    private static readonly string NotFoundPage = Html("Not found", "<main><h1>No such page</h1></main>").Body;

    private WebApplication? _app;

    /// <summary><c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.Configure<ConsoleLifetimeOptions>(options => options.SuppressStatusMessages = true);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Use(async (context, next) =>
        {
            context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            await next(context);
        });
        _app.MapGet("/api/forbidden", () => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not yours"));
        _app.MapGet("/{**path}", (HttpContext context) => Files.TryGetValue(context.Request.Path.Value ?? "/", out var file)
            ? Results.Text(file.Body, file.ContentType)
            : Results.Text(NotFoundPage, "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound));
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private static (string ContentType, string Body) Html(string title, string body) => ("text/html; charset=utf-8", $"""
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{title}</title><link rel="icon" href="/icon.svg"><link rel="stylesheet" href="/site.css"></head>
        <body>{body}</body>
        </html>
        """);
}
