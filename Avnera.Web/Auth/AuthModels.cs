namespace Avnera.Web.Auth;

/// <summary>Claims every sign-in provider produces (as Supabase's access token names them).</summary>
public static class AvneraClaims
{
    public const string Subject = "sub";
    public const string Email = "email";
    public const string Role = "role";
    /// <summary>The user_sessions row of this sign-in; revoking it signs the browser out.</summary>
    public const string SessionId = "sid";
    public const string Name = "name";
    /// <summary>Supabase role of every signed-in person; store and platform roles come from Master.</summary>
    public const string AuthenticatedRole = "authenticated";
}

/// <summary>Where account flows land.</summary>
public static class AccountPaths
{
    public const string Home = "/account";
    public const string OpenStore = "/account/stores/new";
}

public abstract record SignInResult
{
    /// <param name="Tokens">An external provider's session (Supabase mode), kept on the session row.</param>
    public sealed record Success(Guid UserId, string Email, ProviderTokens? Tokens = null) : SignInResult;
    public sealed record Failure(string Message, bool LockedOut = false) : SignInResult;
}

public sealed record SignUpResult(bool Succeeded, string Message, IReadOnlyList<string> Problems);
