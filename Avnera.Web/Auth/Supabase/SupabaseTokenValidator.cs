using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Avnera.Web.Auth.Supabase;

/// <summary>
/// Validates Supabase access tokens locally, without a call to GoTrue per request: ES256/RS256 against the
/// project's JWKS ({AuthUrl}/.well-known/jwks.json, cached for the answer's max-age), or HS256 against the
/// legacy SUPABASE_JWT_SECRET when, and only when, it is configured. Checks issuer, audience "authenticated"
/// and lifetime (30 s clock skew). A singleton; safe to call concurrently.
/// <para>
/// A valid token is not proof that the session is still alive: it stays valid until exp even after sign-out.
/// Call <see cref="GoTrueClient.GetUserAsync"/> where that matters (changing email or password, admin actions).
/// </para>
/// </summary>
public sealed class SupabaseTokenValidator(
    SupabaseOptions options, IHttpClientFactory httpClientFactory, TimeProvider time, ILogger<SupabaseTokenValidator> logger)
{
    public const string JwksHttpClientName = "Avnera.Supabase.Jwks";
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan DefaultKeyCacheDuration = TimeSpan.FromMinutes(10);
    /// <summary>At most one JWKS request per this interval for unknown kids, so forged kids cannot hammer GoTrue.</summary>
    public static readonly TimeSpan RefetchInterval = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LongestKeyCacheDuration = TimeSpan.FromHours(24);

    private sealed record KeySet(IReadOnlyDictionary<string, SecurityKey> ByKid, DateTimeOffset ExpiresAt);

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly SecurityKey? _legacySecret =
        options.JwtSecret is { } secret ? new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)) : null;
    private readonly SemaphoreSlim _fetchLock = new(1, 1);
    private KeySet? _keys;
    private DateTimeOffset? _lastFetchAttempt;

    public async Task<SupabaseTokenValidation> ValidateAsync(string? accessToken, CancellationToken ct = default)
    {
        if (!options.IsConfigured) throw SupabaseOptions.NotConfigured();
        if (string.IsNullOrWhiteSpace(accessToken)) return Fail(SupabaseTokenFailure.Malformed, "No token.");

        JsonWebToken jwt;
        try
        {
            jwt = new JsonWebToken(accessToken);
        }
        catch (ArgumentException)
        {
            return Fail(SupabaseTokenFailure.Malformed, "Not a JWT.");
        }
        if (jwt.IsEncrypted) return Fail(SupabaseTokenFailure.Malformed, "Encrypted tokens are not Supabase access tokens.");

        SecurityKey key;
        switch (jwt.Alg)
        {
            case SecurityAlgorithms.HmacSha256:
                if (_legacySecret is null)
                    return Fail(SupabaseTokenFailure.AlgorithmNotAllowed, "HS256 token, but no SUPABASE_JWT_SECRET is configured.");
                key = _legacySecret;
                break;
            case SecurityAlgorithms.EcdsaSha256 or SecurityAlgorithms.RsaSha256:
                if (string.IsNullOrEmpty(jwt.Kid)) return Fail(SupabaseTokenFailure.UnknownSigningKey, $"{jwt.Alg} token without a kid.");
                var keys = await GetKeysAsync(jwt.Kid, ct);
                if (keys is null) return Fail(SupabaseTokenFailure.SigningKeysUnavailable, "The project's JWKS could not be fetched.");
                if (!keys.ByKid.TryGetValue(jwt.Kid, out var found))
                    return Fail(SupabaseTokenFailure.UnknownSigningKey, $"kid {Short(jwt.Kid)} is not in the project's JWKS.");
                if (!Fits(found, jwt.Alg))
                    return Fail(SupabaseTokenFailure.UnknownSigningKey, $"kid {Short(jwt.Kid)} is not a {jwt.Alg} key.");
                key = found;
                break;
            default:
                return Fail(SupabaseTokenFailure.AlgorithmNotAllowed, $"Algorithm '{Short(jwt.Alg)}' is not accepted.");
        }

        TokenValidationResult result;
        try
        {
            result = await _handler.ValidateTokenAsync(accessToken, Parameters(key, jwt.Alg));
        }
        catch (SecurityTokenException e)
        {
            return Fail(Classify(e), Describe(e));
        }
        if (!result.IsValid) return Fail(Classify(result.Exception), Describe(result.Exception));

        var principal = new ClaimsPrincipal(result.ClaimsIdentity);
        if (string.IsNullOrEmpty(principal.FindFirst(SupabaseClaimTypes.Subject)?.Value))
            return Fail(SupabaseTokenFailure.Invalid, "No sub claim: an API key, not a user's access token.");
        return SupabaseTokenValidation.Valid(principal);
    }

    private TokenValidationParameters Parameters(SecurityKey key, string alg) => new()
    {
        ValidIssuer = options.Issuer,
        ValidAudience = SupabaseOptions.Audience,
        // Exactly one key is offered, chosen above by alg and kid; "try all" lets a kid-less HS256 token use it.
        IssuerSigningKey = key,
        TryAllIssuerSigningKeys = true,
        ValidAlgorithms = [alg],
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateLifetime = true,
        ClockSkew = ClockSkew,
        // IdentityModel 8.16 reads DateTime.UtcNow; checking here keeps one clock (TimeProvider) for keys and lifetime.
        LifetimeValidator = (notBefore, expires, _, _) => ValidateLifetime(notBefore, expires),
        NameClaimType = SupabaseClaimTypes.Email,
        RoleClaimType = SupabaseClaimTypes.Role,
        AuthenticationType = "Supabase",
    };

    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (expires is null) throw new SecurityTokenNoExpirationException("No exp claim.");
        if (now > expires.Value.ToUniversalTime() + ClockSkew)
            throw new SecurityTokenExpiredException("Expired.") { Expires = expires.Value };
        if (notBefore is { } nbf && now + ClockSkew < nbf.ToUniversalTime())
            throw new SecurityTokenNotYetValidException("Not valid yet.") { NotBefore = nbf };
        return true;
    }

    private SupabaseTokenValidation Fail(SupabaseTokenFailure failure, string reason)
    {
        logger.LogDebug("Supabase access token rejected ({Failure}): {Reason}", failure, reason);
        return SupabaseTokenValidation.Fail(failure, reason);
    }

    /// <summary>
    /// The cached key set, fetched when it has expired or lacks <paramref name="kid"/>. Fetches are serialised
    /// and throttled to one per <see cref="RefetchInterval"/>: an unknown kid within that time of the last
    /// fetch is treated as unknown without asking again. When a fetch fails, the last keys stay in use.
    /// </summary>
    private async Task<KeySet?> GetKeysAsync(string kid, CancellationToken ct)
    {
        var current = Volatile.Read(ref _keys);
        if (current is not null && time.GetUtcNow() < current.ExpiresAt && current.ByKid.ContainsKey(kid)) return current;

        await _fetchLock.WaitAsync(ct);
        try
        {
            current = _keys;
            var now = time.GetUtcNow();
            if (current is not null && now < current.ExpiresAt && current.ByKid.ContainsKey(kid)) return current;
            if (_lastFetchAttempt is { } last && now - last < RefetchInterval) return current;
            _lastFetchAttempt = now;
            if (await FetchAsync(ct) is { } fetched) Volatile.Write(ref _keys, fetched);
            return _keys;
        }
        finally
        {
            _fetchLock.Release();
        }
    }

    private async Task<KeySet?> FetchAsync(CancellationToken ct)
    {
        var url = options.AuthUrl + "/.well-known/jwks.json";
        try
        {
            using var client = httpClientFactory.CreateClient(JwksHttpClientName);
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("apikey", options.AnonKey);
            using var response = await client.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("Supabase JWKS {Url} answered {Status}; keeping the last known keys.", url, (int)response.StatusCode);
                return null;
            }
            var set = new JsonWebKeySet(await response.Content.ReadAsStringAsync(ct));
            var byKid = new Dictionary<string, SecurityKey>(StringComparer.Ordinal);
            foreach (var jwk in set.Keys)
            {
                // Public signing keys only; a symmetric key published by mistake must never become a verifier.
                if (string.IsNullOrEmpty(jwk.Kid) || jwk.Kty is not ("EC" or "RSA")) continue;
                if (jwk.Use is { Length: > 0 } use && use != "sig") continue;
                if (jwk.KeyOps.Count > 0 && !jwk.KeyOps.Contains("verify")) continue;
                if (JsonWebKeyConverter.TryConvertToSecurityKey(jwk, out var key)) byKid.TryAdd(jwk.Kid, key);
            }
            var maxAge = response.Headers.CacheControl?.MaxAge ?? DefaultKeyCacheDuration;
            maxAge = TimeSpan.FromTicks(Math.Clamp(maxAge.Ticks, RefetchInterval.Ticks, LongestKeyCacheDuration.Ticks));
            return new KeySet(byKid, time.GetUtcNow() + maxAge);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or ArgumentException or System.Text.Json.JsonException
                                      || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            logger.LogWarning(e, "Supabase JWKS {Url} could not be fetched; keeping the last known keys.", url);
            return null;
        }
    }

    /// <summary>The key type must match the token's algorithm (no ES256 token checked against an RSA key, etc.).</summary>
    private static bool Fits(SecurityKey key, string alg) => alg switch
    {
        SecurityAlgorithms.EcdsaSha256 => key is ECDsaSecurityKey ec && ec.ECDsa.KeySize == 256,
        SecurityAlgorithms.RsaSha256 => key is RsaSecurityKey or X509SecurityKey { PublicKey: System.Security.Cryptography.RSA },
        _ => false,
    };

    private static SupabaseTokenFailure Classify(Exception? e) => e switch
    {
        SecurityTokenExpiredException => SupabaseTokenFailure.Expired,
        SecurityTokenNotYetValidException => SupabaseTokenFailure.NotYetValid,
        SecurityTokenInvalidIssuerException => SupabaseTokenFailure.WrongIssuer,
        SecurityTokenInvalidAudienceException => SupabaseTokenFailure.WrongAudience,
        SecurityTokenInvalidAlgorithmException => SupabaseTokenFailure.AlgorithmNotAllowed,
        SecurityTokenInvalidSignatureException => SupabaseTokenFailure.BadSignature,
        SecurityTokenMalformedException => SupabaseTokenFailure.Malformed,
        _ => SupabaseTokenFailure.Invalid,
    };

    private static string Describe(Exception? e) => e switch
    {
        SecurityTokenExpiredException => "Expired.",
        SecurityTokenNotYetValidException => "Not valid yet.",
        SecurityTokenInvalidIssuerException => "Issued by another project or server.",
        SecurityTokenInvalidAudienceException => "Not meant for signed-in users (audience).",
        SecurityTokenInvalidSignatureException => "Signature does not verify. " + e.Message,
        null => "Rejected.",
        _ => e.GetType().Name + ": " + e.Message,
    };

    private static string Short(string? s) => s is null ? "" : s.Length > 40 ? s[..40] + "…" : s;
}
