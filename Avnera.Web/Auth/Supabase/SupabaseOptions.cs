using Avnera.Data;

namespace Avnera.Web.Auth.Supabase;

/// <summary>
/// The Supabase project this deployment signs people in with, read from SUPABASE_URL, SUPABASE_ANON_KEY,
/// SUPABASE_SERVICE_ROLE_KEY (admin calls only), SUPABASE_JWT_SECRET (legacy HS256 tokens only) and
/// SUPABASE_OAUTH_PROVIDERS (external sign-in buttons).
/// Supabase is optional: when URL or anon key is missing, <see cref="IsConfigured"/> is false and nothing
/// here is used. A class, not a record, so that the keys never end up in a log through a generated ToString.
/// </summary>
public sealed class SupabaseOptions
{
    /// <summary>The audience of every user access token GoTrue issues.</summary>
    public const string Audience = "authenticated";

    /// <summary>The project URL, e.g. https://abcd.supabase.co, without a trailing slash.</summary>
    public string? Url { get; init; }
    public string? AnonKey { get; init; }
    public string? ServiceRoleKey { get; init; }
    public string? JwtSecret { get; init; }
    /// <summary>External providers offered on the sign-in and sign-up pages (SUPABASE_OAUTH_PROVIDERS); empty by default.</summary>
    public IReadOnlyList<OAuthProvider> OAuthProviders { get; init; } = [];

    public bool IsConfigured => Url is not null && AnonKey is not null;

    /// <summary>The GoTrue base URL, {url}/auth/v1.</summary>
    public string AuthUrl => IsConfigured ? Url + "/auth/v1" : throw NotConfigured();

    /// <summary>The <c>iss</c> of access tokens: GoTrue's external URL, which on Supabase is the auth URL.</summary>
    public string Issuer => AuthUrl;

    public static SupabaseOptions From(IConfiguration configuration)
    {
        string? Value(string key) => configuration[key] is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        var url = Value("SUPABASE_URL");
        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
                                || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment)))
            throw new AvneraConfigurationException(
                "SUPABASE_URL must be the project's URL, e.g. https://abcd.supabase.co (without /auth/v1).");
        var jwtSecret = Value("SUPABASE_JWT_SECRET");
        if (jwtSecret is not null && System.Text.Encoding.UTF8.GetByteCount(jwtSecret) < 32)
            throw new AvneraConfigurationException(
                "SUPABASE_JWT_SECRET is shorter than 32 bytes: copy the project's legacy JWT secret in full, or leave it unset.");
        return new SupabaseOptions
        {
            Url = url?.TrimEnd('/'),
            AnonKey = Value("SUPABASE_ANON_KEY"),
            ServiceRoleKey = Value("SUPABASE_SERVICE_ROLE_KEY"),
            JwtSecret = jwtSecret,
            OAuthProviders = Supabase.OAuthProviders.Parse(Value(Supabase.OAuthProviders.Setting)),
        };
    }

    internal static InvalidOperationException NotConfigured() =>
        new("Supabase is not configured: set SUPABASE_URL and SUPABASE_ANON_KEY.");

    public override string ToString() =>
        $"Supabase {(IsConfigured ? Url : "(not configured)")}, service key {(ServiceRoleKey is null ? "absent" : "set")}, " +
        $"JWT secret {(JwtSecret is null ? "absent" : "set")}";
}
