namespace GhStats.Testing.Oidc;

/// <summary>
/// The stable element ids of the test provider's own pages, for browser tests that fill them in
/// (<see cref="OidcSignInDriver"/> uses the same ids).
/// </summary>
public static class OidcProviderPages
{
    /// <summary>The login form (<c>&lt;form id="login-form" method="post"&gt;</c>).</summary>
    public const string LoginFormId = "login-form";

    /// <summary>The labelled text input for an account's subject or email; its field name is <see cref="LoginFieldName"/>.</summary>
    public const string LoginInputId = "login";

    /// <summary>The form field name of the login input.</summary>
    public const string LoginFieldName = "login";

    /// <summary>The login form's submit button.</summary>
    public const string LoginSubmitButtonId = "login-submit";

    /// <summary>The message shown above the login form when no account matched (<c>role="alert"</c>).</summary>
    public const string LoginErrorId = "login-error";

    /// <summary>The button on the sign-out page that confirms ending the provider session.</summary>
    public const string LogoutConfirmButtonId = "logout-confirm";

    /// <summary>The heading of the page shown after sign-out when the client gave no post-logout redirect URI.</summary>
    public const string LogoutSuccessId = "logout-success";
}
