using System.Text.Json;
using GhStats.Web.Api;
using Microsoft.AspNetCore.Http;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests;

/// <summary>A cached JSON answer in chunks: the same bytes as one array would hold, written whole, no chunk on the large object heap.</summary>
public sealed class JsonChunksTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private sealed record Row(long Id, string FullName, long Views, string? Note);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5_000)]
    public async Task Serialize_GivesTheBytesOfOneArray_InChunksUnderTheLargeObjectThreshold(int rows)
    {
        var value = Enumerable.Range(0, rows).Select(i => new Row(i, $"octo/répo-{i} <\"quoted\">", i * 37L, i % 7 == 0 ? null : "note")).ToList();

        var chunks = JsonChunks.Serialize(value, Web);

        (await WrittenAsync(chunks)).ShouldBe(JsonSerializer.SerializeToUtf8Bytes(value, Web));
        chunks.Length.ShouldBe(JsonSerializer.SerializeToUtf8Bytes(value, Web).LongLength);
        chunks.Allocated.ShouldBeLessThanOrEqualTo(Math.Max(chunks.Length, 1) + JsonChunks.ChunkSize + (chunks.Length / 10));
        if (rows == 5_000)
        {
            chunks.Length.ShouldBeGreaterThan(85_000 * 4, "the answer itself would be a large object");
            chunks.Allocated.ShouldBeLessThan(chunks.Length * 2);
        }
    }

    [Fact]
    public async Task AValueLongerThanAChunk_IsWrittenWhole()
    {
        var value = new Row(1, new string('x', (3 * JsonChunks.ChunkSize) + 5), 2, "after");

        (await WrittenAsync(JsonChunks.Serialize(value, Web))).ShouldBe(JsonSerializer.SerializeToUtf8Bytes(value, Web));
    }

    [Fact]
    public async Task IndentedOptions_AreKept()
    {
        var options = new JsonSerializerOptions(Web) { WriteIndented = true };
        var value = new[] { new Row(1, "a/b", 2, null) };

        (await WrittenAsync(JsonChunks.Serialize(value, options))).ShouldBe(JsonSerializer.SerializeToUtf8Bytes(value, options));
    }

    [Fact]
    public async Task Execute_WritesEveryChunk_WithItsLengthAndType()
    {
        var value = Enumerable.Range(0, 3_000).Select(i => new Row(i, $"octo/repo-{i}", i, null)).ToList();
        var chunks = JsonChunks.Serialize(value, Web);
        var http = new DefaultHttpContext();
        using var body = new MemoryStream();
        http.Response.Body = body;

        await chunks.ExecuteAsync(http);

        http.Response.ContentType.ShouldBe("application/json; charset=utf-8");
        http.Response.ContentLength.ShouldBe(chunks.Length);
        body.ToArray().ShouldBe(JsonSerializer.SerializeToUtf8Bytes(value, Web));
    }

    /// <summary>The bytes the chunks write as a response's body.</summary>
    private static async Task<byte[]> WrittenAsync(JsonChunks chunks)
    {
        var http = new DefaultHttpContext();
        using var body = new MemoryStream();
        http.Response.Body = body;
        await chunks.ExecuteAsync(http);
        return body.ToArray();
    }
}
