using System.Text;
using GhStats.Transfer.Import;
using Shouldly;
using Xunit;

namespace GhStats.Transfer.Tests.Import;

public sealed class DelimitedReaderTests
{
    private const string Text = "1,\"a\nb\",x\r\n2,\"say \"\"hi\"\",\nthere\",y\n3,plain,z\n2,\"c\",w\n4,\"open\n";

    [Fact]
    public void PassingOverRecords_KeepsTheLinesAndFieldsOfTheRecordsRead()
    {
        using var all = Reader(Text.Replace("4,\"open\n", "", StringComparison.Ordinal));
        var every = all.Records(CancellationToken.None).ToList();

        using var some = Reader(Text.Replace("4,\"open\n", "", StringComparison.Ordinal));
        var wanted = some.Records(id => id is "2" or "3", CancellationToken.None).ToList();

        every.Select(r => r.Line).ShouldBe([1, 3, 5, 6]);
        wanted.Select(r => (r.Line, string.Join('|', r.Fields))).ShouldBe([(3, "2|say \"hi\",\nthere|y"), (5, "3|plain|z"), (6, "2|c|w")]);
    }

    [Fact]
    public void APassedOverRecordLeftOpen_IsStillATruncatedFile()
    {
        using var reader = Reader(Text);

        var error = Should.Throw<ImportFormatException>(() => reader.Records(id => id == "1", CancellationToken.None).ToList());

        error.Message.ShouldBe("repostats.csv:7: the file ends inside a quoted field; it looks truncated.");
    }

    [Fact]
    public void BytesThatAreNotUtf8_AreNamedOnTheirOwnLine_PastTheFirstBuffer()
    {
        // Far more lines than one buffer holds, so the bad byte is decoded long before the parser reaches its line.
        var lines = Enumerable.Range(1, 20_000).Select(i => $"{i},2021-03-01,1,1,0,0\n");
        var bytes = Encoding.UTF8.GetBytes(string.Concat(lines)).Concat("20001,caf"u8.ToArray()).Concat(new byte[] { 0xE9, (byte)'\n' }).ToArray();
        using var reader = DelimitedReader.Open(new MemoryStream(bytes), "repostats.csv");

        var error = Should.Throw<ImportFormatException>(() => reader.Records(CancellationToken.None).ToList());

        error.Message.ShouldStartWith("repostats.csv:20001: the bytes are not UTF-8");
    }

    private static DelimitedReader Reader(string text) => DelimitedReader.Open(new MemoryStream(Encoding.UTF8.GetBytes(text)), "repostats.csv");
}
