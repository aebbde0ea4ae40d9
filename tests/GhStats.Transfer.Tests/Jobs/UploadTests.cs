using System.IO.Compression;
using System.Text;
using System.Text.Json;
using GhStats.Transfer.Archive;
using GhStats.Transfer.Import;
using GhStats.Transfer.Jobs;
using Shouldly;
using Xunit;

namespace GhStats.Transfer.Tests.Jobs;

/// <summary>
/// Uploads before any job: streamed to disk and refused past the limit (the file gone), zips of a source's files unpacked
/// by the archive's hostile-zip rules (nothing lands outside the job's folder), and the stored report's cap.
/// </summary>
public sealed class UploadTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("ghstats-upload-tests-").FullName;

    public static TheoryData<string, string> HostileZips => new()
    {
        { "dot-dot", "leaves the archive or is absolute" },
        { "absolute", "leaves the archive or is absolute" },
        { "backslash", "leaves the archive or is absolute" },
        { "drive", "leaves the archive or is absolute" },
        { "zip-bomb", "zip bomb" },
        { "too-many-entries", "holds 6 entries; at most 5 are read" },
        { "truncated", "not a zip archive, or it is truncated" },
        { "twice", "twice" },
    };

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Save_RefusesAnUploadPastTheLimit_AndDeletesWhatItWrote()
    {
        var path = Path.Combine(folder, "upload");

        var refused = await Should.ThrowAsync<TransferRequestException>(() => UploadFile.SaveAsync(new MemoryStream(new byte[(1 << 20) + 1]), path, 1 << 20, default));

        refused.Message.ShouldContain("larger than 1048576 bytes");
        refused.Message.ShouldContain("GhStats:Transfer:MaxUploadBytes");
        File.Exists(path).ShouldBeFalse();
    }

    [Fact]
    public async Task Save_KeepsAnUploadOfExactlyTheLimit_ByteForByte()
    {
        var bytes = Encoding.UTF8.GetBytes(new string('x', 1 << 20));

        var saved = await UploadFile.SaveAsync(new MemoryStream(bytes), Path.Combine(folder, "upload"), 1 << 20, default);

        saved.Bytes.ShouldBe(1 << 20);
        (await File.ReadAllBytesAsync(saved.Path)).ShouldBe(bytes);
        saved.IsZip().ShouldBeFalse();
    }

    [Fact]
    public async Task Save_RefusesAnEmptyUpload()
    {
        await Should.ThrowAsync<TransferRequestException>(() => UploadFile.SaveAsync(new MemoryStream(), Path.Combine(folder, "upload"), 1 << 20, default));

        File.Exists(Path.Combine(folder, "upload")).ShouldBeFalse();
    }

    [Fact]
    public void Unpack_WritesFoldersAndFiles_InsideTheFolder()
    {
        var zip = Zip(("export/REPOTRAFFIC.del", "1\n"u8.ToArray()), ("export/", []), ("export/sub/REPOS.del", "2\n"u8.ToArray()));
        var into = Directory.CreateDirectory(Path.Combine(folder, "into")).FullName;

        var files = UploadUnpacker.Unpack(zip, into, ArchiveLimits.Upload, default);

        files.ShouldBe(2);
        File.ReadAllText(Path.Combine(into, "export", "REPOTRAFFIC.del")).ShouldBe("1\n");
        File.ReadAllText(Path.Combine(into, "export", "sub", "REPOS.del")).ShouldBe("2\n");
    }

    [Theory]
    [MemberData(nameof(HostileZips))]
    public void Unpack_RefusesAHostileZip_AndWritesNothingOutsideItsFolder(string hostile, string message)
    {
        var limits = ArchiveLimits.Upload with { MaxEntries = 5 };
        var zip = hostile switch
        {
            "dot-dot" => Zip(("ok.del", "1\n"u8.ToArray()), ("../escaped.del", "x"u8.ToArray())),
            "absolute" => Zip(("/tmp/escaped.del", "x"u8.ToArray())),
            "backslash" => Zip(("..\\escaped.del", "x"u8.ToArray())),
            "drive" => Zip(("C:/escaped.del", "x"u8.ToArray())),
            "zip-bomb" => Zip(("REPOTRAFFIC.del", new byte[8 << 20])),
            "too-many-entries" => Zip([.. Enumerable.Range(1, 6).Select(i => ($"f{i}.del", "1\n"u8.ToArray()))]),
            "truncated" => Truncated(Zip(("REPOTRAFFIC.del", Rows(5000)))),
            _ => Zip(("a.del", "1\n"u8.ToArray()), ("a.del", "2\n"u8.ToArray())),
        };
        var into = Directory.CreateDirectory(Path.Combine(folder, "job", "into")).FullName;

        var refused = Should.Throw<ArchiveFormatException>(() => UploadUnpacker.Unpack(zip, into, limits, default));

        refused.Message.ShouldContain(message);
        File.Exists(Path.Combine(folder, "job", "escaped.del")).ShouldBeFalse();
        File.Exists(Path.Combine(folder, "escaped.del")).ShouldBeFalse();
        File.Exists("/tmp/escaped.del").ShouldBeFalse();
    }

    [Fact]
    public void Unpack_AnEntryWhoseHeaderUnderstatesItsSize_UnpacksNoMoreThanItDeclares()
    {
        var zip = Rewritten(Zip(("REPOTRAFFIC.del", Rows(500))), "REPOTRAFFIC.del", 100);
        var into = Directory.CreateDirectory(Path.Combine(folder, "into")).FullName;

        UploadUnpacker.Unpack(zip, into, ArchiveLimits.Upload, default);

        new FileInfo(Path.Combine(into, "REPOTRAFFIC.del")).Length.ShouldBe(100);
    }

    [Theory]
    [InlineData("octocat-app-data-csv.zip", "octocat-app-data-csv.zip")]
    [InlineData("C:\\Users\\me\\Downloads\\octocat-app-data-csv (1).zip", "octocat-app-data-csv (1).zip")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("..", "fallback.zip")]
    [InlineData("a\u0000b;rm -rf.zip", "a-b-rm -rf.zip")]
    public void SafeName_KeepsOnlyASafeLastSegment(string given, string expected) =>
        UploadFile.SafeName(given, "fallback.zip").ShouldBe(expected);

    [Fact]
    public void ReportJson_KeepsTheFirstThousandRejections_NotesTheRest_AndWritesEnumsAsCamelCaseNames()
    {
        var many = Enumerable.Range(1, 700).Select(i => new ImportRejection($"repostats.csv:{i}", "bad date")).ToList();
        var report = new ImportReport(
            ImportSource.IbmRepostatsCsv,
            DryRun: true,
            [
                new RepositoryImportReport("octo/a", ["1"], RepositoryImportOutcome.CreatedTracked, 1, 0, 0, 0, 0, many),
                new RepositoryImportReport("octo/b", ["2"], RepositoryImportOutcome.CreatedHistoryOnly, 1, 0, 0, 0, 0, many),
            ],
            [],
            [new ImportRejection("repostats.csv:9999", "unknown id")],
            ["a note"]);

        using var json = JsonDocument.Parse(TransferReportJson.Serialize(report));

        var root = json.RootElement;
        root.GetProperty("source").GetString().ShouldBe("ibmRepostatsCsv");
        root.GetProperty("dryRun").GetBoolean().ShouldBeTrue();
        var repositories = root.GetProperty("repositories");
        repositories[0].GetProperty("outcome").GetString().ShouldBe("createdTracked");
        repositories[1].GetProperty("outcome").GetString().ShouldBe("createdHistoryOnly");
        repositories[0].GetProperty("rejections").GetArrayLength().ShouldBe(700);
        repositories[1].GetProperty("rejections").GetArrayLength().ShouldBe(300);
        repositories[1].GetProperty("rejections")[0].GetProperty("where").GetString().ShouldBe("repostats.csv:1");
        root.GetProperty("rejections").GetArrayLength().ShouldBe(0);
        root.GetProperty("notes").EnumerateArray().Select(n => n.GetString()).ShouldBe(
            ["a note", "401 more rejections are not listed: the report keeps the first 1000. The host's import command lists them all."]);
    }

    private string Zip(params (string Entry, byte[] Content)[] entries)
    {
        var path = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".zip");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (entry, content) in entries)
        {
            using var stream = zip.CreateEntry(entry).Open();
            stream.Write(content);
        }

        return path;
    }

    private static byte[] Rows(int count) => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(1, count).Select(i => $"{i},row\n")));

    private static string Truncated(string zip)
    {
        var bytes = File.ReadAllBytes(zip);
        File.WriteAllBytes(zip, bytes[..(bytes.Length / 2)]);
        return zip;
    }

    /// <summary>The archive tests' own header rewrite: the entry's declared size made smaller than what it unpacks.</summary>
    private static string Rewritten(string zip, string entry, uint size)
    {
        File.WriteAllBytes(zip, Archive.ArchiveFiles.DeclareSize(File.ReadAllBytes(zip), entry, size));
        return zip;
    }
}
