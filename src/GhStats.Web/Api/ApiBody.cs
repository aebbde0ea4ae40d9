using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GhStats.Web.Api;

/// <summary>
/// Reads a JSON request body within the configured size, answering 415 for another content type, 413 for a body too
/// large and 400 for JSON that does not parse; the endpoint sees a body only when it is whole and well-formed.
/// </summary>
internal static class ApiBody
{
    public static async Task<T> ReadAsync<T>(HttpContext context)
        where T : class
    {
        var request = context.Request;
        if (!request.HasJsonContentType())
        {
            throw request.ContentType is { } type
                ? new ApiProblemException(StatusCodes.Status415UnsupportedMediaType, "BodyNotJson", type)
                : new ApiProblemException(StatusCodes.Status415UnsupportedMediaType, "BodyWithoutContentType");
        }

        var limit = context.RequestServices.GetRequiredService<IOptions<GhStatsApiOptions>>().Value.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
        {
            throw TooLarge(limit);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw TooLarge(limit);
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            throw ApiProblems.Invalid("BodyMissing");
        }

        var json = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        buffer.Position = 0;
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(buffer, json, context.RequestAborted)
                ?? throw ApiProblems.Invalid("BodyNull");
        }
        catch (JsonException exception)
        {
            throw ApiProblems.Invalid("InvalidJson", exception.Message);
        }
    }

    private static ApiProblemException TooLarge(int limit) =>
        new(StatusCodes.Status413PayloadTooLarge, "BodyTooLarge", limit);
}
