using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Avnera.Web.Auth.Supabase;

/// <summary>
/// Proof Key for Code Exchange (RFC 7636). Keep the verifier on the server side of the flow (e.g. in a
/// short-lived, HttpOnly cookie), send only the challenge to /authorize or /signup, and the verifier to
/// /token?grant_type=pkce.
/// </summary>
public static class Pkce
{
    /// <summary>The value GoTrue expects in <c>code_challenge_method</c>.</summary>
    public const string Method = "s256";

    // RFC 7636 §4.1: unreserved characters only.
    private const string Unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    /// <summary>A random verifier of 43–128 characters (default 64: 384 bits of entropy).</summary>
    public static string CreateVerifier(int length = 64)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 43);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, 128);
        return RandomNumberGenerator.GetString(Unreserved, length);
    }

    /// <summary>S256 challenge: base64url of the SHA-256 of the verifier's ASCII bytes, without padding.</summary>
    public static string Challenge(string verifier)
    {
        ArgumentException.ThrowIfNullOrEmpty(verifier);
        return Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
    }
}
