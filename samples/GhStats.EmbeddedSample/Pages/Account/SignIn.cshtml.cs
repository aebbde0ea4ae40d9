using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GhStats.EmbeddedSample.Pages.Account;

/// <summary>The app's own sign-in page: demo users, in Development only.</summary>
public sealed class SignInModel(IWebHostEnvironment environment) : PageModel
{
    public bool DemoUsersOffered => environment.IsDevelopment();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? email)
    {
        if (!DemoUsersOffered)
        {
            return NotFound();
        }

        var user = SampleSignIn.DemoUsers.FirstOrDefault(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase));
        if (user is null)
        {
            return BadRequest();
        }

        await HttpContext.SignInAsync(SampleSignIn.Scheme, SampleSignIn.PrincipalFor(user));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
