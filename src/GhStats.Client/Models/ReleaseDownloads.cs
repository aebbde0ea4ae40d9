namespace GhStats.Client.Models;

/// <summary>A release with its downloads.</summary>
/// <param name="Id">GitHub's id of the release.</param>
/// <param name="Tag">Its tag.</param>
/// <param name="Name">Its title (the tag when GitHub's is empty).</param>
/// <param name="PublishedOn">The UTC day it was published.</param>
/// <param name="Prerelease">Whether it is a pre-release.</param>
/// <param name="TotalDownloads">Its assets' download counts added up, as last read.</param>
/// <param name="DownloadsInRange">The downloads counted in the asked range; null in a plain listing.</param>
/// <param name="Listed">Whether GitHub still listed it at the last read.</param>
public sealed record ReleaseDownloads(long Id, string Tag, string Name, DateOnly PublishedOn, bool Prerelease, long TotalDownloads, long? DownloadsInRange, bool Listed);
