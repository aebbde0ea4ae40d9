using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace GhStats.Transfer.Tests.Archive;

/// <summary>Opens archives the way a person with a zip tool would, to read them and to make hostile ones from good ones.</summary>
internal static class ArchiveFiles
{
    /// <summary>Every entry's bytes, by name.</summary>
    public static Dictionary<string, byte[]> Entries(byte[] archive)
    {
        using var zip = new ZipArchive(new MemoryStream(archive), ZipArchiveMode.Read);
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }

    /// <summary>Every entry's text, joined: what a search for a secret looks through.</summary>
    public static string AllText(byte[] archive) => string.Join('\n', Entries(archive).Select(e => $"{e.Key}\n{Encoding.UTF8.GetString(e.Value)}"));

    /// <summary>
    /// A copy of an archive with its entries changed; with <paramref name="sealManifest"/>, the manifest's counts and
    /// checksums are made to match the changed entries (so a test reaches the check it means, not the checksum's).
    /// </summary>
    public static byte[] Rewrite(byte[] archive, Action<Dictionary<string, byte[]>> change, bool sealManifest = true)
    {
        var entries = Entries(archive);
        change(entries);
        if (sealManifest && entries.TryGetValue("manifest.json", out var manifestBytes))
        {
            var manifest = JsonNode.Parse(manifestBytes)!;
            foreach (var table in manifest["tables"]!.AsArray())
            {
                if (entries.TryGetValue(table!["file"]!.GetValue<string>(), out var bytes))
                {
                    table["sha256"] = Convert.ToHexStringLower(SHA256.HashData(bytes));
                    table["rows"] = bytes.Count(b => b == (byte)'\n');
                }
            }

            entries["manifest.json"] = Encoding.UTF8.GetBytes(manifest.ToJsonString());
        }

        return Zip(entries);
    }

    /// <summary>A zip of the given entries.</summary>
    public static byte[] Zip(IEnumerable<KeyValuePair<string, byte[]>> entries)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                stream.Write(bytes);
            }
        }

        return output.ToArray();
    }

    /// <summary>A copy of a zip whose headers declare an entry's unpacked size smaller than it is: a header that lies.</summary>
    public static byte[] DeclareSize(byte[] zip, string entry, uint size)
    {
        var copy = zip.ToArray();
        var name = Encoding.UTF8.GetBytes(entry);
        for (var i = 0; i + 46 < copy.Length; i++)
        {
            // Local file header (size at 22, name at 30) and central directory header (size at 24, name at 46).
            var (sizeAt, nameAt) = BitConverter.ToUInt32(copy, i) switch
            {
                0x04034b50 => (22, 30),
                0x02014b50 => (24, 46),
                _ => (-1, -1),
            };
            if (sizeAt >= 0 && BitConverter.ToUInt16(copy, i + nameAt - (nameAt == 30 ? 4 : 18)) == name.Length && copy.AsSpan(i + nameAt, name.Length).SequenceEqual(name))
            {
                BitConverter.TryWriteBytes(copy.AsSpan(i + sizeAt, 4), size);
            }
        }

        return copy;
    }

    /// <summary>Changes a manifest field.</summary>
    public static void SetManifest(Dictionary<string, byte[]> entries, Action<JsonNode> change)
    {
        var manifest = JsonNode.Parse(entries["manifest.json"])!;
        change(manifest);
        entries["manifest.json"] = Encoding.UTF8.GetBytes(manifest.ToJsonString());
    }
}
