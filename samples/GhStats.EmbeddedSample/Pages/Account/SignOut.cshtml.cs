using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GhStats.EmbeddedSample.Pages.Account;

/// <summary>Signs out of the app, and so out of GhStats, which has no session of its own here.</summary>
public sealed class SignOutModel : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(SampleSignIn.Scheme);
        return LocalRedirect("/");
    }
}
