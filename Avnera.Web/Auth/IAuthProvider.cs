namespace Avnera.Web.Auth;

/// <summary>
/// What the account pages need from a sign-in provider: the embedded one (ASP.NET Core Identity, the default) or
/// Supabase Auth (GoTrue) when a project is configured. Email links carry different values in each mode
/// (embedded: user + code; Supabase: token_hash + type), so links are passed as the query values received.
/// Messages never reveal whether an address has an account.
/// </summary>
public interface IAuthProvider
{
    /// <summary>Shown after a recovery request, whether or not the address has an account.</summary>
    string RecoverMessage { get; }

    /// <param name="openStore">"I want to open a store": after confirming and signing in, the person lands on
    /// <see cref="AccountPaths.OpenStore"/> (embedded: carried in the emailed link; Supabase: in GoTrue's user_metadata).</param>
    Task<SignUpResult> SignUpAsync(string email, string password, string? displayName, string baseUri, bool openStore = false, CancellationToken ct = default);

    /// <summary>Confirms an address from the values of the emailed link's query string.</summary>
    Task<bool> ConfirmEmailAsync(IReadOnlyDictionary<string, string?> link, CancellationToken ct = default);

    /// <summary>Checks the credentials; on success the page starts a session with <see cref="SignInResult.Success"/>.</summary>
    Task<SignInResult> SignInAsync(string email, string password, CancellationToken ct = default);

    Task RecoverAsync(string email, string baseUri, CancellationToken ct = default);

    /// <summary>
    /// Sets a new password after a recovery link: from the link's values (embedded) or for the session the
    /// recovery link started (Supabase). Ends the person's sessions. Returns the problems; empty on success.
    /// </summary>
    Task<IReadOnlyList<string>> ResetPasswordAsync(IReadOnlyDictionary<string, string?> link, string newPassword, HttpContext http, CancellationToken ct = default);

    Task<IReadOnlyList<string>> ChangePasswordAsync(Guid userId, string current, string newPassword, HttpContext http, CancellationToken ct = default);
}

/// <summary>An external provider's tokens for a session, in clear; kept encrypted on the user_sessions row.</summary>
public sealed record ProviderTokens(string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt)
{
    // Tokens must not reach logs through the generated ToString.
    public override string ToString() => $"ProviderTokens(expires {ExpiresAt:O})";
}
