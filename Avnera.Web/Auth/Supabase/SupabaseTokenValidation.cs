using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;

namespace Avnera.Web.Auth.Supabase;

/// <summary>The outcome of <see cref="SupabaseTokenValidator.ValidateAsync"/>: a principal, or why there is none.</summary>
public sealed record SupabaseTokenValidation
{
    private SupabaseTokenValidation(ClaimsPrincipal? principal, SupabaseTokenFailure? failure, string? reason)
    {
        Principal = principal;
        Failure = failure;
        Reason = reason;
    }

    /// <summary>Claims under their JWT names: sub, email, role, session_id, aal, app_metadata (JSON)...</summary>
    public ClaimsPrincipal? Principal { get; }

    public SupabaseTokenFailure? Failure { get; }

    /// <summary>Why the token was rejected, for logs. Never shown to the person and never contains the token.</summary>
    public string? Reason { get; }

    [MemberNotNullWhen(true, nameof(Principal))]
    [MemberNotNullWhen(false, nameof(Failure), nameof(Reason))]
    public bool IsValid => Principal is not null;

    internal static SupabaseTokenValidation Valid(ClaimsPrincipal principal) => new(principal, null, null);

    internal static SupabaseTokenValidation Fail(SupabaseTokenFailure failure, string reason) => new(null, failure, reason);
}

public enum SupabaseTokenFailure
{
    /// <summary>Not a compact JWS.</summary>
    Malformed,
    /// <summary>alg none, an algorithm Supabase does not use, or HS256 without SUPABASE_JWT_SECRET.</summary>
    AlgorithmNotAllowed,
    /// <summary>The kid is not in the project's JWKS (or its key does not fit the algorithm).</summary>
    UnknownSigningKey,
    /// <summary>The JWKS could not be fetched and no keys are cached.</summary>
    SigningKeysUnavailable,
    BadSignature,
    Expired,
    NotYetValid,
    WrongIssuer,
    WrongAudience,
    /// <summary>Any other rule: no exp, no sub...</summary>
    Invalid,
}

/// <summary>Claim names of a Supabase access token, as they appear in the principal.</summary>
public static class SupabaseClaimTypes
{
    public const string Subject = "sub";
    public const string Email = "email";
    public const string Phone = "phone";
    /// <summary>The Postgres role (authenticated, anon), not an Avnera role.</summary>
    public const string Role = "role";
    public const string SessionId = "session_id";
    /// <summary>Authenticator assurance level: aal1, or aal2 after MFA.</summary>
    public const string AuthenticatorAssuranceLevel = "aal";
    public const string AppMetadata = "app_metadata";
    public const string UserMetadata = "user_metadata";
    public const string IsAnonymous = "is_anonymous";
}
