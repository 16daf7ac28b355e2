using System.Text.Json;
using System.Text.Json.Serialization;

namespace Avnera.Web.Auth.Supabase;

/// <summary>A signed-in session as GoTrue returns it from /token, /signup (auto-confirm) and /verify.</summary>
public sealed record GoTrueSession(
    string AccessToken,
    string TokenType,
    int ExpiresIn,
    long? ExpiresAt,
    string RefreshToken,
    GoTrueUser User,
    GoTrueWeakPassword? WeakPassword = null)
{
    /// <summary>When the access token expires; from <c>expires_at</c>, which GoTrue sends in Unix seconds.</summary>
    [JsonIgnore]
    public DateTimeOffset? AccessTokenExpiresAt => ExpiresAt is { } s ? DateTimeOffset.FromUnixTimeSeconds(s) : null;
}

/// <summary>
/// Sent with a successful password sign-in when the password no longer meets the project's policy
/// (reasons: length, characters, pwned). The person is signed in; the app may ask for a new password.
/// </summary>
public sealed record GoTrueWeakPassword(IReadOnlyList<string>? Reasons, string? Message = null);

public sealed record GoTrueUser(
    Guid Id,
    string? Aud = null,
    string? Role = null,
    string? Email = null,
    string? Phone = null,
    DateTimeOffset? EmailConfirmedAt = null,
    DateTimeOffset? ConfirmedAt = null,
    DateTimeOffset? ConfirmationSentAt = null,
    DateTimeOffset? RecoverySentAt = null,
    string? NewEmail = null,
    DateTimeOffset? EmailChangeSentAt = null,
    DateTimeOffset? LastSignInAt = null,
    IReadOnlyDictionary<string, JsonElement>? AppMetadata = null,
    IReadOnlyDictionary<string, JsonElement>? UserMetadata = null,
    IReadOnlyList<GoTrueIdentity>? Identities = null,
    DateTimeOffset? CreatedAt = null,
    DateTimeOffset? UpdatedAt = null,
    bool IsAnonymous = false);

public sealed record GoTrueIdentity(
    string? IdentityId,
    string? Id,
    Guid? UserId,
    string? Provider,
    string? Email = null,
    IReadOnlyDictionary<string, JsonElement>? IdentityData = null,
    DateTimeOffset? LastSignInAt = null,
    DateTimeOffset? CreatedAt = null,
    DateTimeOffset? UpdatedAt = null);

/// <summary>The two ways a sign-up can end. Match on the type.</summary>
public abstract record SignUpResult
{
    private SignUpResult() { }

    /// <summary>Auto-confirm is on: the person is signed in straight away.</summary>
    public sealed record SignedIn(GoTrueSession Session) : SignUpResult;

    /// <summary>
    /// "Check your email". Deliberately carries nothing but the address the person typed: GoTrue answers an
    /// already registered address with a look-alike user (empty identities, random id) so that sign-up cannot
    /// be used to find out who has an account, and this result keeps the two cases indistinguishable.
    /// </summary>
    public sealed record ConfirmationPending(string Email) : SignUpResult;
}

public enum SignOutScope
{
    /// <summary>Only this session.</summary>
    Local,
    /// <summary>Every session of the user, on every device.</summary>
    Global,
    /// <summary>Every session except this one.</summary>
    Others,
}

/// <summary>The <c>type</c> of an email link's token hash, as POST /verify expects it.</summary>
public enum VerifyType
{
    Signup,
    Invite,
    MagicLink,
    Recovery,
    EmailChange,
    Email,
}

/// <summary>GET /settings: which sign-in methods the project has switched on.</summary>
public sealed record GoTrueSettings(
    IReadOnlyDictionary<string, bool> External,
    bool DisableSignup,
    bool MailerAutoconfirm,
    bool PhoneAutoconfirm = false,
    string? SmsProvider = null,
    bool SamlEnabled = false);

/// <summary>One page of GET /admin/users; <see cref="TotalCount"/> is from the X-Total-Count header.</summary>
public sealed record GoTrueUserPage(IReadOnlyList<GoTrueUser> Users, int Page, int PerPage, int? TotalCount);
