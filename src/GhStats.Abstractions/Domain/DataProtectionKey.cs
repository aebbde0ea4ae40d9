namespace GhStats.Domain;

/// <summary>An ASP.NET Core Data Protection key, kept in the database so every replica reads every other's cookies and secrets.</summary>
/// <param name="FriendlyName">The key's name, unique.</param>
/// <param name="Xml">The key element as XML.</param>
public sealed record DataProtectionKey(string FriendlyName, string Xml);
