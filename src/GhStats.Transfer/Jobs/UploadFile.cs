using System.Globalization;
using System.Text;

namespace GhStats.Transfer.Jobs;

/// <summary>An upload as it is stored: streamed to a job's folder, never held in memory, refused past the size limit.</summary>
/// <param name="Path">Where it is.</param>
/// <param name="Bytes">Its size.</param>
internal sealed record UploadFile(string Path, long Bytes)
{
    private static readonly byte[] ZipLocalHeader = "PK\u0003\u0004"u8.ToArray();
    private static readonly byte[] ZipEmptyEnd = "PK\u0005\u0006"u8.ToArray();
    private static readonly byte[] SqliteHeader = "SQLite format 3\0"u8.ToArray();

    /// <summary>Streams an upload to <paramref name="path"/>, at most <paramref name="maxBytes"/>.</summary>
    /// <param name="upload">The upload.</param>
    /// <param name="path">The file to write (it must not exist).</param>
    /// <param name="maxBytes">The limit.</param>
    /// <param name="cancellationToken">Stops the copy.</param>
    /// <returns>The stored upload.</returns>
    /// <exception cref="TransferRequestException">When the upload passes the limit (the file is deleted) or is empty.</exception>
    public static async Task<UploadFile> SaveAsync(Stream upload, string path, long maxBytes, CancellationToken cancellationToken)
    {
        long bytes = 0;
        var tooLarge = false;
        var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1, useAsync: true);
        await using (output.ConfigureAwait(false))
        {
            var buffer = new byte[81_920];
            int read;
            while ((read = await upload.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                bytes += read;
                if (bytes > maxBytes)
                {
                    tooLarge = true;
                    break;
                }

                await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }
        }

        if (tooLarge || bytes == 0)
        {
            File.Delete(path);
            throw new TransferRequestException(tooLarge
                ? string.Create(CultureInfo.InvariantCulture, $"The upload is larger than {maxBytes} bytes, the most this server accepts (GhStats:Transfer:MaxUploadBytes). Import a large source with the host's import command instead.")
                : "The upload is empty.");
        }

        return new UploadFile(path, bytes);
    }

    /// <summary>Whether the file starts as a zip does (a local file header, or the end record of an empty zip).</summary>
    public bool IsZip() => StartsWith(ZipLocalHeader) || StartsWith(ZipEmptyEnd);

    /// <summary>Whether the file starts as a SQLite database does.</summary>
    public bool IsSqlite() => StartsWith(SqliteHeader);

    /// <summary>
    /// The last segment of a client's file name, with only letters, digits, <c>-_.() </c> and spaces kept (others become
    /// <c>-</c>), no leading dot, at most 120 characters; <paramref name="fallback"/> when nothing is left.
    /// </summary>
    public static string SafeName(string? clientName, string fallback)
    {
        var last = (clientName ?? "").Split('/', '\\').LastOrDefault() ?? "";
        var kept = new StringBuilder(last.Length);
        foreach (var c in last)
        {
            kept.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '(' or ')' or ' ' ? c : '-');
        }

        var name = kept.ToString().Trim().TrimStart('.');
        if (name.Length > 120)
        {
            var extension = System.IO.Path.GetExtension(name);
            name = name[..(120 - Math.Min(extension.Length, 20))] + extension[..Math.Min(extension.Length, 20)];
        }

        return name.Length == 0 ? fallback : name;
    }

    private bool StartsWith(byte[] magic)
    {
        using var file = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        var head = new byte[magic.Length];
        return file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) == head.Length && head.AsSpan().SequenceEqual(magic);
    }
}
