using System.Xml.Linq;
using GhStats.Domain;
using GhStats.Stores;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace GhStats.Storage.DataProtection;

/// <summary>Keeps Data Protection keys in the GhStats database, so every replica reads every other's cookies and secrets.</summary>
internal sealed class DatabaseXmlRepository(IDataProtectionKeyStore keys) : IXmlRepository
{
    // Data Protection calls this synchronously, rarely (at start and when its key ring cache expires), never on a request's hot path.
    public IReadOnlyCollection<XElement> GetAllElements() =>
        keys.ListAsync().GetAwaiter().GetResult().Select(key => XElement.Parse(key.Xml)).ToList();

    public void StoreElement(XElement element, string friendlyName) =>
        keys.StoreAsync(new DataProtectionKey(friendlyName, element.ToString(SaveOptions.DisableFormatting))).GetAwaiter().GetResult();
}
