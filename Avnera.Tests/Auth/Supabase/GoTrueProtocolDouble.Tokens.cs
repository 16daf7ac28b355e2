using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Avnera.Tests.Auth.Supabase;

// Signing and verifying the double's own tokens, by hand (not with IdentityModel), so that the validator
// under test is checked against an independent implementation of JWS.
public sealed partial class GoTrueProtocolDouble
{
    /// <summary>An ES256 key pair (ECDsa P-256) with its kid.</summary>
    public sealed class SigningKey(string kid) : IDisposable
    {
        public string Kid { get; } = kid;
        internal ECDsa Ecdsa { get; } = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        public JsonObject PublicJwk()
        {
            var p = Ecdsa.ExportParameters(includePrivateParameters: false);
            return new JsonObject
            {
                ["kty"] = "EC", ["crv"] = "P-256", ["x"] = B64(p.Q.X!), ["y"] = B64(p.Q.Y!),
                ["kid"] = Kid, ["alg"] = "ES256", ["use"] = "sig", ["key_ops"] = new JsonArray("verify"),
            };
        }

        public void Dispose() => Ecdsa.Dispose();
    }

    private SigningKey _currentKey;
    private readonly List<SigningKey> _publishedKeys;

    public SigningKey CurrentKey { get { lock (_gate) return _currentKey; } }

    public static SigningKey NewSigningKey(string? kid = null) => new(kid ?? "key-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>A new key signs from now on; the old one stays in the JWKS (as Supabase keeps previously used keys).</summary>
    public SigningKey RotateSigningKey()
    {
        lock (_gate)
        {
            var key = NewSigningKey();
            _publishedKeys.Add(key);
            _currentKey = key;
            return key;
        }
    }

    /// <summary>The claims GoTrue puts into an access token, for a made-up user and session unless given.</summary>
    public JsonObject AccessTokenClaims(Guid? userId = null, string email = "person@example.test", Guid? sessionId = null,
        DateTimeOffset? now = null, JsonObject? appMetadata = null, JsonObject? userMetadata = null, string amr = "password")
    {
        var issuedAt = (now ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        return new JsonObject
        {
            ["aud"] = "authenticated",
            ["exp"] = issuedAt + (long)AccessTokenLifetime.TotalSeconds,
            ["iat"] = issuedAt,
            ["iss"] = Issuer,
            ["sub"] = (userId ?? Guid.NewGuid()).ToString(),
            ["email"] = email,
            ["phone"] = "",
            ["app_metadata"] = appMetadata?.DeepClone() ?? new JsonObject { ["provider"] = "email", ["providers"] = new JsonArray("email") },
            ["user_metadata"] = userMetadata?.DeepClone() ?? new JsonObject(),
            ["role"] = "authenticated",
            ["aal"] = "aal1",
            ["amr"] = new JsonArray(new JsonObject { ["method"] = amr, ["timestamp"] = issuedAt }),
            ["session_id"] = (sessionId ?? Guid.NewGuid()).ToString(),
            ["is_anonymous"] = false,
        };
    }

    /// <summary>ES256 with the current key, or the given one (e.g. an unpublished key: an unknown kid).</summary>
    public string SignEs256(JsonObject claims, SigningKey? key = null)
    {
        key ??= CurrentKey;
        var input = SigningInput(new JsonObject { ["alg"] = "ES256", ["kid"] = key.Kid, ["typ"] = "JWT" }, claims);
        // .NET signs in IEEE P1363 form (r || s, 64 bytes), which is what JWS ES256 requires.
        return input + "." + B64(key.Ecdsa.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256));
    }

    public static string SignHs256(JsonObject claims, string secret = LegacyJwtSecret)
    {
        var input = SigningInput(new JsonObject { ["alg"] = "HS256", ["typ"] = "JWT" }, claims);
        return input + "." + B64(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(input)));
    }

    /// <summary>An unsigned token (alg none), as an attacker would send it.</summary>
    public static string Unsigned(JsonObject claims) =>
        SigningInput(new JsonObject { ["alg"] = "none", ["typ"] = "JWT" }, claims) + ".";

    private string SignSessionToken(JsonObject claims) =>
        SignWithLegacySecret ? SignHs256(claims) : SignEs256Locked(claims);

    // Called under _gate (CurrentKey would take the lock again: Lock is re-entrant, but keep it obvious).
    private string SignEs256Locked(JsonObject claims) => SignEs256(claims, _currentKey);

    private static string SigningInput(JsonObject header, JsonObject claims) =>
        B64(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." + B64(Encoding.UTF8.GetBytes(claims.ToJsonString()));

    internal static string B64(byte[] bytes) => Base64Url.EncodeToString(bytes);

    /// <summary>The double's own check of a bearer token: signature with a published key or the legacy secret, and exp.</summary>
    private JsonObject? VerifyOwnToken(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3) return null;
        try
        {
            var header = JsonNode.Parse(Base64Url.DecodeFromChars(parts[0]))!.AsObject();
            var claims = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!.AsObject();
            var input = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
            var signature = Base64Url.DecodeFromChars(parts[2]);
            var valid = (string?)header["alg"] switch
            {
                "ES256" => _publishedKeys.FirstOrDefault(k => k.Kid == (string?)header["kid"]) is { } key
                           && key.Ecdsa.VerifyData(input, signature, HashAlgorithmName.SHA256),
                "HS256" => CryptographicOperations.FixedTimeEquals(
                    HMACSHA256.HashData(Encoding.UTF8.GetBytes(LegacyJwtSecret), input), signature),
                _ => false,
            };
            if (!valid || (string?)claims["iss"] != Issuer) return null;
            return (long?)claims["exp"] > DateTimeOffset.UtcNow.ToUnixTimeSeconds() ? claims : null;
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
