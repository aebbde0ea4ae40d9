using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace GhStats.Web.Ui;

/// <summary>
/// The pages' scripts, styles and Chart.js, embedded in this assembly at build time and served under
/// <c>{prefix}/assets/</c>, so the UI works wherever MapGhStats mounts it with no static-file setup in the host.
/// </summary>
internal sealed partial class UiAssets
{
    private const string ResourcePrefix = "assets/";

    private readonly FrozenDictionary<string, UiAsset> _assets;

    public UiAssets()
    {
        var assembly = typeof(UiAssets).Assembly;
        var assets = new Dictionary<string, UiAsset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var content = buffer.ToArray();
            var version = Convert.ToHexStringLower(SHA256.HashData(content))[..16];
            assets[name[ResourcePrefix.Length..]] = new UiAsset(content, ContentTypeOf(name), version);
        }

        _assets = assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The URL of an asset, versioned by its content so browsers may keep it for a year.</summary>
    public string Url(GhStatsPaths paths, string file) =>
        _assets.TryGetValue(file, out var asset)
            ? $"{paths.Prefix}/assets/{file}?v={asset.Version}"
            : throw new InvalidOperationException($"GhStats.Web has no embedded asset '{file}'; was it built (Assets/ and npm ci)?");

    /// <summary>
    /// A script and every module it imports, directly or through others (<c>from './x.js'</c>), each once, the script
    /// first: the files whose strings its page needs.
    /// </summary>
    /// <param name="script">A script asset, e.g. "overview.js".</param>
    /// <returns>The script files; only the script itself when it is not an embedded asset.</returns>
    public IReadOnlyList<string> ModulesOf(string script)
    {
        var found = new List<string> { script };
        for (var i = 0; i < found.Count; i++)
        {
            if (!_assets.TryGetValue(found[i], out var asset))
            {
                continue;
            }

            foreach (Match import in ImportPattern().Matches(Encoding.UTF8.GetString(asset.Content)))
            {
                var module = import.Groups["file"].Value;
                if (!found.Contains(module, StringComparer.Ordinal))
                {
                    found.Add(module);
                }
            }
        }

        return found;
    }

    public IResult Serve(HttpContext context, string file)
    {
        if (!_assets.TryGetValue(file, out var asset))
        {
            return Results.NotFound();
        }

        var headers = context.Response.Headers;
        var etag = new EntityTagHeaderValue($"\"{asset.Version}\"");
        headers.ETag = etag.ToString();
        headers.XContentTypeOptions = "nosniff";
        // A versioned URL never changes content; an unversioned one (a module's relative import) is checked each time.
        headers.CacheControl = context.Request.Query["v"] == asset.Version ? "public, max-age=31536000, immutable" : "no-cache";
        var ifNoneMatch = context.Request.GetTypedHeaders().IfNoneMatch;
        if (ifNoneMatch.Any(candidate => candidate.Compare(etag, useStrongComparison: false)))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(asset.Content, asset.ContentType);
    }

    private static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };

    [GeneratedRegex(@"(?:from|import)\s*\(?\s*'\./(?<file>[\w.-]+\.js)'", RegexOptions.CultureInvariant)]
    private static partial Regex ImportPattern();

    private sealed record UiAsset(byte[] Content, string ContentType, string Version);
}
