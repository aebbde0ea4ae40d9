using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace GhStats.Web.Api;

/// <summary>
/// A JSON answer kept as chunks of at most 16 KiB rather than one array. An answer over about 85 KB in one array (a
/// summary of thousands of repositories is megabytes) lands on the large object heap, which only a full collection
/// frees: kept and replaced while a collection writes, such answers held hundreds of megabytes of garbage between full
/// collections (bench/README.md, "memory"). Chunks are ordinary small objects, freed by the cheap collections.
/// </summary>
internal sealed class JsonChunks : IResult
{
    /// <summary>A chunk's size: well under the large object heap's threshold (85,000 bytes).</summary>
    internal const int ChunkSize = 16 * 1024;

    private readonly List<(byte[] Array, int Length)> _chunks;

    private JsonChunks(List<(byte[] Array, int Length)> chunks)
    {
        _chunks = chunks;
        Length = chunks.Sum(c => (long)c.Length);
        Allocated = chunks.Sum(c => (long)c.Array.Length);
    }

    /// <summary>The JSON's length in bytes.</summary>
    public long Length { get; }

    /// <summary>The bytes the chunks hold, used and unused, for a cache's size limit.</summary>
    public long Allocated { get; }

    /// <summary>Serializes <paramref name="value"/> as <see cref="JsonSerializer.SerializeToUtf8Bytes{TValue}(TValue, JsonSerializerOptions?)"/> would, into chunks.</summary>
    public static JsonChunks Serialize<T>(T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var output = new ChunkWriter();
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions
        {
            Encoder = options.Encoder,
            Indented = options.WriteIndented,
            IndentCharacter = options.IndentCharacter,
            IndentSize = options.IndentSize,
            NewLine = options.NewLine,
            MaxDepth = options.MaxDepth,
        }))
        {
            JsonSerializer.Serialize(writer, value, options);
        }

        return new JsonChunks(output.Chunks);
    }

    /// <inheritdoc />
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = Length;
        foreach (var (array, length) in _chunks)
        {
            await response.Body.WriteAsync(array.AsMemory(0, length), httpContext.RequestAborted);
        }
    }

    /// <summary>Hands out a new chunk whenever the current one cannot take what the writer asks for.</summary>
    private sealed class ChunkWriter : IBufferWriter<byte>
    {
        private byte[] _current = [];
        private int _used;

        public List<(byte[] Array, int Length)> Chunks { get; } = [];

        public void Advance(int count)
        {
            _used += count;
            Chunks[^1] = (_current, _used);
        }

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return _current.AsMemory(_used);
        }

        public Span<byte> GetSpan(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return _current.AsSpan(_used);
        }

        private void Ensure(int sizeHint)
        {
            if (_current.Length - _used >= Math.Max(sizeHint, 1))
            {
                return;
            }

            // A single value longer than a chunk (a very long string) gets a chunk of its own size.
            _current = new byte[Math.Max(ChunkSize, sizeHint)];
            _used = 0;
            Chunks.Add((_current, 0));
        }
    }
}
