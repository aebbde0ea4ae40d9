using GhStats.Web.Identity;

namespace GhStats.Web.Ui;

/// <summary>What every page's frame needs: who is signed in, where GhStats lives, the navigation, the antiforgery token.</summary>
internal sealed class UiFrame(GhStatsPaths paths, UiAssets assets, GhStatsCaller caller, UiNavigation navigation, string antiforgeryToken, bool showSignOut)
{
    public GhStatsPaths Paths { get; } = paths;

    public GhStatsCaller Caller { get; } = caller;

    public UiNavigation Navigation { get; } = navigation;

    /// <summary>Sent back by the page scripts as the RequestVerificationToken header and by the sign-out form.</summary>
    public string AntiforgeryToken { get; } = antiforgeryToken;

    public bool ShowSignOut { get; } = showSignOut;

    public string ApiBase => Paths.Api + "/v1";

    /// <summary>The signed-in person's name or email; null when the provider gave neither (the menu then says "you").</summary>
    public string? CallerName => Caller.User.DisplayName ?? Caller.User.Email;

    public string Asset(string file) => assets.Url(Paths, file);

    /// <summary>A link inside GhStats, under its prefix.</summary>
    public string Link(string path) => Paths.Prefix + path;
}
