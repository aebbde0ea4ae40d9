using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace GhStats.Testing.GitHub;

/// <summary>
/// Checks a GitHub App JWT the way GitHub does: RS256, signed by the app's key, <c>iss</c> = the app id, <c>exp</c> in
/// the future but at most 10 minutes ahead, <c>iat</c> not in the future.
/// </summary>
internal static class AppJwt
{
    public const string NotDecodable = "A JSON web token could not be decoded";
    private const int MaxLifetimeSeconds = 600;

    public static RegisteredApp? Validate(string? jwt, DateTimeOffset wallNow, Func<long, RegisteredApp?> findApp, out string error)
    {
        error = NotDecodable;
        var parts = jwt?.Split('.');
        if (parts is not { Length: 3 })
        {
            return null;
        }

        using var headerDocument = ParseOrNull(parts[0]);
        using var payloadDocument = ParseOrNull(parts[1]);
        var signature = DecodeOrNull(parts[2]);
        if (headerDocument?.RootElement is not { ValueKind: JsonValueKind.Object } header
            || payloadDocument?.RootElement is not { ValueKind: JsonValueKind.Object } payload
            || signature is null
            || !header.TryGetProperty("alg", out var alg) || alg.ValueKind != JsonValueKind.String || alg.GetString() != "RS256")
        {
            return null;
        }

        var app = ReadIssuer(payload) is { } appId ? findApp(appId) : null;
        if (app is null)
        {
            error = "'Issuer' claim ('iss') must be an Integer";
            return null;
        }

        if (!app.Verify(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), signature))
        {
            return null;
        }

        var now = wallNow.ToUnixTimeSeconds();
        if (ReadSeconds(payload, "exp") is not { } exp || exp <= now)
        {
            error = "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires";
            return null;
        }

        if (exp - now > MaxLifetimeSeconds)
        {
            error = "'Expiration time' claim ('exp') is too far in the future";
            return null;
        }

        if (ReadSeconds(payload, "iat") is not { } iat || iat > now)
        {
            error = "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued";
            return null;
        }

        return app;
    }

    private static JsonDocument? ParseOrNull(string part)
    {
        var bytes = DecodeOrNull(part);
        try
        {
            return bytes is null ? null : JsonDocument.Parse(bytes);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static byte[]? DecodeOrNull(string part)
    {
        try
        {
            return Base64Url.DecodeFromChars(part);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static long? ReadIssuer(JsonElement payload)
    {
        if (!payload.TryGetProperty("iss", out var iss))
        {
            return null;
        }

        return iss.ValueKind switch
        {
            JsonValueKind.Number when iss.TryGetInt64(out var id) => id,
            JsonValueKind.String when long.TryParse(iss.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) => id,
            _ => null,
        };
    }

    private static long? ReadSeconds(JsonElement payload, string claim) =>
        payload.TryGetProperty(claim, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seconds) ? seconds : null;
}
