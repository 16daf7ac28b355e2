using Avnera.Data.Security;
using System.Text.Json;
using Avnera.Data.Master;
using Avnera.Web.Auth.Passwords;
using Avnera.Web.Auth.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Avnera.Web.Auth.Supabase;

/// <summary>
/// Sign-in through Supabase Auth (GoTrue) when a project is configured. GoTrue owns passwords and email links
/// (its templates point at /auth/callback?token_hash=...&amp;type=...); Avnera keeps the person (Master users,
/// id = the token's sub) and the session (user_sessions, with GoTrue's tokens encrypted on the row).
/// </summary>
public sealed class SupabaseAuthProvider(
    GoTrueClient gotrue, SupabaseTokenValidator validator, IDbContextFactory<MasterDbContext> master, SessionService sessions,
    ILogger<SupabaseAuthProvider> logger) : IAuthProvider
{
    public const string CheckEmailMessage = "Check your email: we have sent a link to confirm your address.";
    public const string RecoverMessageText = "If an account uses this address, we have sent it a link to choose a new password.";
    public const string LinkInvalidMessage = "This link is not valid any more. Ask for a new one.";
    public const string ProviderRefusedMessage =
        "Signing in with that account did not complete (it was cancelled or refused). Try again, or sign in with your email and password.";
    /// <summary>user_metadata key set at sign-up when the person wants to open a store (GoTrue keeps it through the confirmation).</summary>
    public const string OpenStoreMetadata = "open_store";

    public string RecoverMessage => RecoverMessageText;

    public async Task<Auth.SignUpResult> SignUpAsync(string email, string password, string? displayName, string baseUri, bool openStore = false, CancellationToken ct = default)
    {
        if (PasswordPolicy.Check(password, email) is { Count: > 0 } problems) return new Auth.SignUpResult(false, "Choose a stronger password.", problems);
        var metadata = new Dictionary<string, object?>();
        if (!string.IsNullOrWhiteSpace(displayName)) metadata["display_name"] = displayName.Trim();
        // Only a wish, never a right: user_metadata is the person's to change. It picks the page after sign-in.
        if (openStore) metadata[OpenStoreMetadata] = true;
        try
        {
            var result = await gotrue.SignUpAsync(email.Trim(), password, metadata.Count == 0 ? null : metadata, ct: ct);
            if (result is SignUpResult.SignedIn signedIn)
            {
                // Auto-confirm is on: nothing to confirm. Sign-in happens on the sign-in page like everyone else's.
                await EndQuietlyAsync(signedIn.Session.AccessToken, ct);
            }
            return new Auth.SignUpResult(true, CheckEmailMessage, []);
        }
        catch (GoTrueException e) when (e.ErrorCode is "user_already_exists" or "email_exists")
        {
            return new Auth.SignUpResult(true, CheckEmailMessage, []); // never reveal an existing account
        }
        catch (GoTrueException e)
        {
            logger.LogInformation("Sign-up refused by GoTrue: {Error}", e.Message);
            return new Auth.SignUpResult(false, e.UserMessage, []);
        }
    }

    public async Task<bool> ConfirmEmailAsync(IReadOnlyDictionary<string, string?> link, CancellationToken ct = default) =>
        await ConfirmAsync(link, ct) is not null;

    /// <summary>Confirms the address of an email link; returns where the person goes after signing in, or null.</summary>
    private async Task<string?> ConfirmAsync(IReadOnlyDictionary<string, string?> link, CancellationToken ct)
    {
        if (link.GetValueOrDefault("token_hash") is not { Length: > 0 } hash) return null;
        var type = link.GetValueOrDefault("type") switch
        {
            "signup" => VerifyType.Signup,
            "email" => VerifyType.Email,
            _ => (VerifyType?)null,
        };
        if (type is null) return null;
        try
        {
            var session = await gotrue.VerifyAsync(type.Value, hash, ct);
            await EnsurePersonAsync(session, ct);
            // The link proves the address; the person signs in with their password as usual.
            await EndQuietlyAsync(session.AccessToken, ct);
            return WantsStore(session.User) ? AccountPaths.OpenStore : AccountPaths.Home;
        }
        catch (GoTrueException e)
        {
            logger.LogInformation("Email confirmation refused: {Error}", e.Message);
            return null;
        }
    }

    private static bool WantsStore(GoTrueUser user) =>
        user.UserMetadata is { } meta && meta.TryGetValue(OpenStoreMetadata, out var value) && value.ValueKind == JsonValueKind.True;

    public async Task<SignInResult> SignInAsync(string email, string password, CancellationToken ct = default)
    {
        try
        {
            var session = await gotrue.SignInWithPasswordAsync(email.Trim(), password, ct);
            return await SignedInAsync(session, ct);
        }
        catch (GoTrueException e)
        {
            if (e.ErrorCode is not ("invalid_credentials" or "email_not_confirmed")) logger.LogWarning("Sign-in failed: {Error}", e.Message);
            return new SignInResult.Failure(e.UserMessage);
        }
    }

    /// <summary>A GoTrue session (password, verified link, PKCE code) becomes a person and a sign-in result.</summary>
    public async Task<SignInResult> SignedInAsync(GoTrueSession session, CancellationToken ct = default)
    {
        var person = await EnsurePersonAsync(session, ct);
        if (person is null) return new SignInResult.Failure(GoTrueException.GenericMessage);
        var expires = session.AccessTokenExpiresAt ?? DateTimeOffset.UtcNow.AddSeconds(session.ExpiresIn);
        return new SignInResult.Success(person.Value.Id, person.Value.Email, new ProviderTokens(session.AccessToken, session.RefreshToken, expires));
    }

    public async Task RecoverAsync(string email, string baseUri, CancellationToken ct = default)
    {
        try
        {
            await gotrue.RecoverAsync(email.Trim(), baseUri + "auth/callback", ct);
        }
        catch (GoTrueException e)
        {
            // Same answer either way; the operator sees why in the log.
            logger.LogWarning("Recovery request failed: {Error}", e.Message);
        }
    }

    /// <summary>The recovery link has signed the person in (/auth/callback); the password is set for that session.</summary>
    public async Task<IReadOnlyList<string>> ResetPasswordAsync(IReadOnlyDictionary<string, string?> link, string newPassword, HttpContext http, CancellationToken ct = default)
    {
        if (SessionService.UserId(http.User) is not { } userId || await sessions.ReadTokensAsync(http.User, ct) is not { } tokens)
            return [LinkInvalidMessage];
        if (PasswordPolicy.Check(newPassword, http.User.FindFirst(AvneraClaims.Email)?.Value) is { Count: > 0 } problems) return problems;
        try
        {
            await gotrue.UpdateUserAsync(tokens.AccessToken, password: newPassword, ct: ct);
        }
        catch (GoTrueException e)
        {
            return [e.UserMessage];
        }
        try
        {
            await gotrue.SignOutAsync(tokens.AccessToken, SignOutScope.Global, ct);
        }
        catch (GoTrueException e)
        {
            logger.LogWarning("Signing out everywhere at GoTrue failed after a reset: {Error}", e.Message);
        }
        await sessions.RevokeAllAsync(userId, ct);
        await sessions.LogAsync(userId, ActivityKind.PasswordChanged, http, new { via = "reset" }, ct);
        await http.SignOutAsync(SessionService.Scheme);
        return [];
    }

    public async Task<IReadOnlyList<string>> ChangePasswordAsync(Guid userId, string current, string newPassword, HttpContext http, CancellationToken ct = default)
    {
        var email = http.User.FindFirst(AvneraClaims.Email)?.Value;
        if (email is null || await sessions.ReadTokensAsync(http.User, ct) is not { } tokens) return ["Your account was not found."];
        if (PasswordPolicy.Check(newPassword, email) is { Count: > 0 } problems) return problems;
        try
        {
            // GoTrue does not check the current password on PUT /user; a password grant does.
            var check = await gotrue.SignInWithPasswordAsync(email, current, ct);
            await EndQuietlyAsync(check.AccessToken, ct);
        }
        catch (GoTrueException e) when (e.ErrorCode == "invalid_credentials")
        {
            return ["The current password is not right."];
        }
        catch (GoTrueException e)
        {
            return [e.UserMessage];
        }
        try
        {
            await gotrue.UpdateUserAsync(tokens.AccessToken, password: newPassword, ct: ct);
        }
        catch (GoTrueException e)
        {
            return [e.UserMessage];
        }
        // Whoever knew the old password may hold a session: only the one that changed it stays signed in.
        await sessions.EndOtherSessionsAsync(http, ct);
        await sessions.LogAsync(userId, ActivityKind.PasswordChanged, http, new { via = "account" }, ct);
        return [];
    }

    /// <summary>What /auth/callback ends in.</summary>
    public abstract record CallbackOutcome
    {
        /// <param name="Next">Where the sign-in that follows should land.</param>
        public sealed record Confirmed(string Next) : CallbackOutcome;
        public sealed record SignedIn(string RedirectTo) : CallbackOutcome;
        public sealed record Failed(string Message) : CallbackOutcome;
    }

    /// <summary>
    /// GoTrue's links and redirects: ?token_hash=&amp;type= from an email (signup/email: confirm; recovery: sign in
    /// and choose a new password), ?code= after /auth/authorize (PKCE, verifier and return URL from the HttpOnly
    /// cookie), or ?error= when the external provider or GoTrue refused that sign-in.
    /// </summary>
    public async Task<CallbackOutcome> HandleCallbackAsync(IReadOnlyDictionary<string, string?> query, HttpContext http, CancellationToken ct = default)
    {
        var type = query.GetValueOrDefault("type");
        if (query.GetValueOrDefault("token_hash") is { Length: > 0 } hash)
        {
            if (type is "signup" or "email")
                return await ConfirmAsync(query, ct) is { } next ? new CallbackOutcome.Confirmed(next) : new CallbackOutcome.Failed(GoTrueException.LinkExpiredMessage);
            if (type != "recovery") return new CallbackOutcome.Failed(GoTrueException.LinkExpiredMessage);
            return await SignInFromAsync(() => gotrue.VerifyAsync(VerifyType.Recovery, hash, ct), http, "/reset-password", ct);
        }
        if (query.GetValueOrDefault("code") is { Length: > 0 } code)
        {
            if (PkceFlowCookie.Take(http) is not { } flow) return new CallbackOutcome.Failed(GoTrueException.LinkExpiredMessage);
            return await SignInFromAsync(() => gotrue.ExchangeCodeForSessionAsync(code, flow.Verifier, ct), http, flow.ReturnUrl, ct);
        }
        if (query.GetValueOrDefault("error") is { Length: > 0 } error)
        {
            // GoTrue's redirect after a refused or cancelled provider sign-in. Its description is logged, not shown:
            // the query string is anybody's to write.
            PkceFlowCookie.Take(http);
            logger.LogInformation("External sign-in ended with {Error}: {Description}", error, query.GetValueOrDefault("error_description"));
            return new CallbackOutcome.Failed(ProviderRefusedMessage);
        }
        return new CallbackOutcome.Failed(GoTrueException.LinkExpiredMessage);
    }

    private async Task<CallbackOutcome> SignInFromAsync(Func<Task<GoTrueSession>> obtain, HttpContext http, string redirectTo, CancellationToken ct)
    {
        GoTrueSession session;
        try
        {
            session = await obtain();
        }
        catch (GoTrueException e)
        {
            logger.LogInformation("Callback refused by GoTrue: {Error}", e.Message);
            return new CallbackOutcome.Failed(e.UserMessage);
        }
        if (await SignedInAsync(session, ct) is not SignInResult.Success success)
            return new CallbackOutcome.Failed(GoTrueException.GenericMessage);
        await sessions.SignInAsync(http, success.UserId, success.Email, success.Tokens, ct);
        return new CallbackOutcome.SignedIn(redirectTo);
    }

    /// <summary>
    /// The Master person for a GoTrue user: id = the access token's sub (validated locally), created on first
    /// sign-in with a profile and preferences. Null when the token is not valid or the address belongs to
    /// another person row (an account that did not come from this Supabase project).
    /// </summary>
    public async Task<(Guid Id, string Email)?> EnsurePersonAsync(GoTrueSession session, CancellationToken ct = default)
    {
        var validation = await validator.ValidateAsync(session.AccessToken, ct);
        if (!validation.IsValid)
        {
            logger.LogWarning("GoTrue returned an access token that does not validate: {Reason}", validation.Reason);
            return null;
        }
        if (!Guid.TryParse(validation.Principal.FindFirst(SupabaseClaimTypes.Subject)?.Value, out var id)) return null;
        var email = (validation.Principal.FindFirst(SupabaseClaimTypes.Email)?.Value ?? session.User.Email)?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(email)) return null;

        await using var db = await master.CreateAsync(DbPrincipal.Service, ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, ct);
        if (user is not null)
        {
            if (user.Email != email && !await db.Users.AnyAsync(u => u.Email == email && u.Id != id, ct))
            {
                user.Email = email; // changed at GoTrue (email change confirmed)
                user.UpdatedAt = DateTimeOffset.UtcNow;
                await db.SaveChangesAsync(ct);
            }
            return (user.Id, user.Email);
        }
        if (await db.Users.AnyAsync(u => u.Email == email, ct))
        {
            logger.LogWarning("GoTrue user {Id} has an address already used by another person row; not signing in", id);
            return null;
        }
        db.Users.Add(new User
        {
            Id = id, Email = email, DisplayName = DisplayName(session.User),
            Profile = new UserProfile { UserId = id }, Preferences = new UserPreferences { UserId = id },
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two first sign-ins at once: the other one created the row. Anything else is a real failure.
            if (!await ExistsAsync(id, ct)) throw;
        }
        return (id, email);
    }

    private async Task<bool> ExistsAsync(Guid id, CancellationToken ct)
    {
        await using var db = await master.CreateAsync(DbPrincipal.Service, ct);
        return await db.Users.AnyAsync(u => u.Id == id, ct);
    }

    private static string? DisplayName(GoTrueUser user) =>
        user.UserMetadata is { } meta && meta.TryGetValue("display_name", out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } name ? name[..Math.Min(name.Length, 200)] : null;

    /// <summary>Ends a GoTrue session Avnera does not keep (from a link or a password check).</summary>
    private async Task EndQuietlyAsync(string accessToken, CancellationToken ct)
    {
        try
        {
            await gotrue.SignOutAsync(accessToken, SignOutScope.Local, ct);
        }
        catch (GoTrueException e)
        {
            logger.LogInformation("Could not end a short-lived GoTrue session: {Error}", e.Message);
        }
    }
}
