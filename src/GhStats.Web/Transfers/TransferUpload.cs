using System.Text;
using GhStats.Domain;
using GhStats.Web.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace GhStats.Web.Transfers;

/// <summary>
/// Reads an upload form part by part: its text fields first, then the one file, whose stream goes to the transfer
/// service as it arrives (never held whole here). The request body may be <see cref="ITransferService.MaxUploadBytes"/>
/// long, no more: a larger one is answered 413.
/// </summary>
internal static class TransferUpload
{
    private const string FilePart = "file";
    private const int MaxTextParts = 16;

    /// <summary>The form's text fields, by name (any case), read before the file.</summary>
    public sealed class Fields(IReadOnlyDictionary<string, string> values)
    {
        public string? this[string name] => values.GetValueOrDefault(name);

        /// <summary><c>true</c> or <c>false</c>; <paramref name="fallback"/> when the field is absent.</summary>
        public bool Flag(string name, bool fallback) => this[name]?.Trim() switch
        {
            null => fallback,
            var text when string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) => true,
            var text when string.Equals(text, "false", StringComparison.OrdinalIgnoreCase) => false,
            var text => throw ApiProblems.Invalid("FlagInvalid", name, Shorten(text)),
        };
    }

    /// <summary>
    /// Reads the form of <paramref name="http"/> and calls <paramref name="start"/> with its fields, the file's name and
    /// its stream once the file part begins; <paramref name="start"/> reads the stream to its end.
    /// </summary>
    /// <param name="http">The request.</param>
    /// <param name="service">The transfer service, whose limit the body may reach.</param>
    /// <param name="fieldNames">The text fields the form may have besides <c>file</c>.</param>
    /// <param name="start">Checks the fields (throwing a problem before the file is read) and hands the file to the service.</param>
    public static async Task<TransferJob> ReadAsync(
        HttpContext http, ITransferService service, IReadOnlyCollection<string> fieldNames, Func<Fields, string, Stream, Task<TransferJob>> start)
    {
        var request = http.Request;
        var limit = service.MaxUploadBytes;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary) is not { Length: > 0 and <= 200 } boundary)
        {
            throw request.ContentType is { } type
                ? new ApiProblemException(StatusCodes.Status415UnsupportedMediaType, "UploadNotMultipart", type)
                : new ApiProblemException(StatusCodes.Status415UnsupportedMediaType, "UploadWithoutContentType");
        }

        // The module's usual limit is for JSON; an upload may be as large as the service takes, and no larger.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = limit;
        }

        if (request.ContentLength > limit)
        {
            throw TooLarge(limit);
        }

        var fieldLimit = http.RequestServices.GetRequiredService<IOptions<GhStatsApiOptions>>().Value.MaxRequestBodyBytes;
        var reader = new MultipartReader(boundary.ToString(), request.Body);
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        UploadStream? upload = null;
        try
        {
            while (await reader.ReadNextSectionAsync(http.RequestAborted) is { } section)
            {
                var disposition = section.GetContentDispositionHeader();
                if (disposition is null || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase)
                    || disposition.Name.Value is not { Length: > 0 } name)
                {
                    throw ApiProblems.Invalid("PartWithoutName");
                }

                name = HeaderUtilities.RemoveQuotes(name).ToString();
                if (disposition.IsFileDisposition())
                {
                    if (!string.Equals(name, FilePart, StringComparison.OrdinalIgnoreCase))
                    {
                        throw ApiProblems.Invalid("FileInOtherPart", Shorten(name));
                    }

                    upload = new UploadStream(section.Body);
                    var fileName = FileNameOf(disposition);
                    return await start(new Fields(values), fileName, upload);
                }

                if (!fieldNames.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    throw ApiProblems.Invalid("UnknownField", Shorten(name), string.Join(", ", fieldNames));
                }

                if (values.Count >= MaxTextParts || values.ContainsKey(name))
                {
                    throw ApiProblems.Invalid("FieldRepeated", name);
                }

                values[name] = await ReadTextAsync(section.Body, name, fieldLimit, http.RequestAborted);
            }
        }
        catch (Exception exception) when (TooLargeIn(exception))
        {
            throw TooLarge(limit);
        }
        catch (TransferRequestException refused)
        {
            throw ApiProblemException.FromText(StatusCodes.Status400BadRequest, refused.Message, "TitleUploadRefused");
        }
        catch (IOException cut) when (upload is null || upload.ReadFailed)
        {
            throw ApiProblems.Invalid("FormCutShort", cut.Message);
        }
        catch (InvalidDataException malformed)
        {
            throw ApiProblems.Invalid("FormMalformed", malformed.Message);
        }

        throw ApiProblems.Invalid("FormWithoutFile");
    }

    /// <summary>Reads "key=owner/name" lines (blank lines skipped) into the names the import may use.</summary>
    public static IReadOnlyDictionary<string, string> RepositoryNames(string? text)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(text))
        {
            return names;
        }

        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var equals = line.LastIndexOf('=');
            var key = equals > 0 ? line[..equals].Trim() : string.Empty;
            var fullName = equals > 0 ? line[(equals + 1)..].Trim() : string.Empty;
            if (key.Length is 0 or > FieldLimits.Path || !GitHubNames.TryParseFullName(fullName, out _, out _))
            {
                throw ApiProblems.Invalid("RepositoryNamesLineInvalid", i + 1, Shorten(line));
            }

            if (names.TryGetValue(key, out var earlier) && !string.Equals(earlier, fullName, StringComparison.Ordinal))
            {
                throw ApiProblems.Invalid("RepositoryNamesKeyRepeated", i + 1, Shorten(key), fullName, earlier);
            }

            names[key] = fullName;
        }

        return names;
    }

    /// <summary>The file's own name without any folder a client put before it, for display only.</summary>
    private static string FileNameOf(ContentDispositionHeaderValue disposition)
    {
        var given = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).ToString();
        var name = given[(given.LastIndexOfAny(['/', '\\']) + 1)..].Trim();
        name = new string(name.Where(c => !char.IsControl(c)).ToArray());
        return name.Length == 0 ? "upload" : name.Length > 255 ? name[..255] : name;
    }

    private static async Task<string> ReadTextAsync(Stream body, string name, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw ApiProblems.Invalid("FieldTooLarge", name, limit);
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (DecoderFallbackException)
        {
            throw ApiProblems.Invalid("FieldNotUtf8", name);
        }
    }

    private static bool TooLargeIn(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
            {
                return true;
            }
        }

        return false;
    }

    private static ApiProblemException TooLarge(long limit) =>
        new(StatusCodes.Status413PayloadTooLarge, "UploadTooLarge", limit) { TitleKey = "TitleUploadTooLarge" };

    private static string Shorten(string text) => text.Length > 80 ? text[..80] + "..." : text;

    /// <summary>The file part's stream, remembering whether reading the request failed (and not the service's own work).</summary>
    private sealed class UploadStream(Stream inner) : Stream
    {
        public bool ReadFailed { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            try
            {
                return inner.Read(buffer);
            }
            catch (IOException)
            {
                ReadFailed = true;
                throw;
            }
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                return await inner.ReadAsync(buffer, cancellationToken);
            }
            catch (IOException)
            {
                ReadFailed = true;
                throw;
            }
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
