using System.IO.Compression;
using System.Net.Http.Headers;

namespace GhStats.Web.Tests.Transfers;

/// <summary>Upload forms as a browser or script sends them (text fields, then the file), and the IBM fixture's files.</summary>
public static class TransferForm
{
    /// <summary>A multipart POST: the fields in order, then the file in a part named file.</summary>
    public static HttpRequestMessage Post(string path, string fileName, byte[] file, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", fileName);
        return new HttpRequestMessage(HttpMethod.Post, path) { Content = form };
    }

    /// <summary>A file of the IBM app's download fixture (tests/GhStats.Transfer.Tests/Fixtures/IbmCsv).</summary>
    public static byte[] Ibm(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "IbmCsv", name));

    /// <summary>A zip of the IBM download: repostats.csv with repositories.csv beside it, as a user zips the two downloads.</summary>
    public static byte[] IbmZip()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in new[] { "repostats.csv", "repositories.csv" })
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(Ibm(name));
            }
        }

        return buffer.ToArray();
    }
}
