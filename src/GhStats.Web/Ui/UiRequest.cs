using GhStats.Domain;

namespace GhStats.Web.Ui;

/// <summary>
/// What a page shows, set by its endpoint before rendering. Razor components are public classes whose parameters
/// must be public types, so the pages inject this (request-scoped, internal) instead of taking parameters.
/// </summary>
internal sealed class UiRequest
{
    private UiFrame? _frame;

    public UiFrame Frame
    {
        get => _frame ?? throw new InvalidOperationException("A GhStats page rendered before its endpoint set the frame.");
        set => _frame = value;
    }

    public string Title { get; set; } = "GhStats";

    /// <summary>Whether the title is a name (a repository's, a tenant's) rather than interface text: marked translate="no".</summary>
    public bool TitleIsData { get; set; }

    /// <summary>The refusal or notice a message page shows.</summary>
    public string? Message { get; set; }

    /// <summary>The tenants a page lists or offers in a picker.</summary>
    public IReadOnlyList<Tenant> Tenants { get; set; } = [];

    /// <summary>The tenant a page is about.</summary>
    public Tenant? Tenant { get; set; }

    /// <summary>The repository a page is about.</summary>
    public TrackedRepository? Repository { get; set; }

    /// <summary>Whether the caller owns the tenant of the page's repository.</summary>
    public bool CanManage { get; set; }

    /// <summary>Imports, restores and exports, on the page that offers them; null where the host did not add them.</summary>
    public ITransferService? Transfer { get; set; }
}
