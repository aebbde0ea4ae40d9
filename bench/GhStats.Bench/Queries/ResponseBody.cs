namespace GhStats.Bench.Queries;

/// <summary>A response body as the load generator checks it.</summary>
/// <param name="Sha256">Hex SHA-256 of the bytes.</param>
/// <param name="Length">Bytes.</param>
internal sealed record ResponseBody(string Sha256, int Length)
{
    public static ResponseBody Of(byte[] bytes) => new(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), bytes.Length);
}
